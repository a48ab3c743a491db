import { loadConfiguration, pcfDataPort, type PcfWebApi, userInfo } from '@smsc/browser-shared';
import { PhoneField } from './phone-field';
import type { IInputs, IOutputs } from './generated/ManifestTypes';

/** Lifecycle only: the bound number and the default country (the property, else the SMS configuration's). */
export class PhoneNumber implements ComponentFramework.StandardControl<IInputs, IOutputs> {
  private field: PhoneField | undefined;
  private value: string | null = null;
  private configuredCountry: string | null = null;
  private context: ComponentFramework.Context<IInputs> | undefined;

  init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void, _state: ComponentFramework.Dictionary, container: HTMLDivElement): void {
    const user = userInfo(context.userSettings.languageId, []);
    this.field = new PhoneField(container, user.language, (value) => {
      this.value = value;
      notifyOutputChanged();
    });
    this.updateView(context);
    if (!context.parameters.defaultCountry.raw) {
      // Read once; until it arrives, numbers with a +prefix are already handled.
      void loadConfiguration(pcfDataPort(context.webAPI as unknown as PcfWebApi))
        .then((configuration) => {
          this.configuredCountry = configuration?.defaultCountry ?? null;
          if (this.context) this.updateView(this.context);
        })
        .catch(() => undefined);
    }
  }

  updateView(context: ComponentFramework.Context<IInputs>): void {
    this.context = context;
    const { value, defaultCountry } = context.parameters;
    this.value = value.raw ?? null;
    const security = value.security;
    this.field?.update({
      value: security && !security.readable ? null : this.value,
      defaultCountry: defaultCountry.raw?.trim() || this.configuredCountry,
      disabled: context.mode.isControlDisabled || (security ? !security.editable : false),
    });
  }

  getOutputs(): IOutputs {
    return { value: this.value ?? undefined };
  }

  destroy(): void {
    this.field?.destroy();
  }
}
