import { RecipientType } from '@smsc/core';
import { createMetadataPort, webApiFetch, loadMergeData, pcfDataPort, type PcfWebApi, userInfo } from '@smsc/browser-shared';
import { Composer } from './composer';
import type { IInputs, IOutputs } from './generated/ManifestTypes';

const TABLE_OF_RECIPIENT_TYPE: Record<number, string> = {
  [RecipientType.Contact]: 'contact',
  [RecipientType.Lead]: 'lead',
  [RecipientType.Account]: 'account',
};

/** Lifecycle only: turns the PCF context into plain props for the Composer component. */
export class SmsComposer implements ComponentFramework.StandardControl<IInputs, IOutputs> {
  private composer: Composer | undefined;
  private text = '';

  init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void, _state: ComponentFramework.Dictionary, container: HTMLDivElement): void {
    const user = userInfo(context.userSettings.languageId, []);
    const data = pcfDataPort(context.webAPI as unknown as PcfWebApi);
    // Same origin as the model-driven app: the Web API is at /api/data/v9.2.
    const metadata = createMetadataPort(webApiFetch(''), user.locale);
    this.composer = new Composer(
      container,
      {
        metadata,
        language: user.language,
        locale: user.locale,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
        loadMergeData: (template, record) => loadMergeData(data, metadata, template, record),
        async pickRecord(table) {
          const [picked] = await context.utils.lookupObjects({ entityTypes: [table], defaultEntityType: table, allowMultiSelect: false });
          return picked ? { entityType: picked.entityType, id: picked.id, name: picked.name ?? '' } : null;
        },
      },
      (text) => {
        this.text = text;
        notifyOutputChanged();
      },
    );
    this.updateView(context);
  }

  updateView(context: ComponentFramework.Context<IInputs>): void {
    const { value, table, recipientType, maxLength } = context.parameters;
    this.text = value.raw ?? '';
    const security = value.security;
    const chosenTable = table.raw?.trim() || (recipientType.raw !== null ? TABLE_OF_RECIPIENT_TYPE[recipientType.raw] : undefined) || null;
    this.composer?.update({
      text: security && !security.readable ? '' : this.text,
      table: chosenTable,
      ...(maxLength.raw !== null ? { maxLength: maxLength.raw } : {}),
      disabled: context.mode.isControlDisabled || (security ? !security.editable : false),
    });
  }

  getOutputs(): IOutputs {
    return { value: this.text };
  }

  destroy(): void {
    this.composer?.destroy();
  }
}
