/**
 * The `SmsConnector` global (smsc_/scripts/smsconnector.js). These names are registered by the
 * solution's forms and ribbons (docs/surface.md): each handler turns the execution context or
 * PrimaryControl into a form context, builds the ports over Xrm once, and calls plain logic.
 */
import * as sms from './sms/sms-form';
import * as smsRibbon from './sms/sms-ribbon';
import * as recordRibbon from './sms/record-ribbon';
import * as template from './template/template-form';
import * as campaign from './campaign/campaign-form';
import * as campaignRibbon from './campaign/campaign-ribbon';
import * as configurationForm from './configuration/configuration-form';
import { renderPage } from './configuration/page';
import { errorMessage, type Ports, userFromSettings } from '@smsc/browser-shared';
import { xrmPorts } from './xrm/xrm-ports';

type FormHandler = (form: Xrm.FormContext, ports: Ports) => unknown;

/** An unexpected failure still reaches the user, on the form, rather than only the console. */
function onForm(handler: FormHandler) {
  return async (context: Xrm.Events.EventContext): Promise<void> => {
    const form = context.getFormContext();
    try {
      await handler(form, xrmPorts());
    } catch (error) {
      form.ui.setFormNotification(errorMessage(error), 'ERROR', 'smsc_unexpected');
    }
  };
}

function onPrimaryControl(handler: FormHandler) {
  return async (primaryControl: Xrm.FormContext): Promise<void> => {
    try {
      await handler(primaryControl, xrmPorts());
    } catch (error) {
      primaryControl.ui.setFormNotification(errorMessage(error), 'ERROR', 'smsc_unexpected');
    }
  };
}

export const SmsForm = {
  onLoad: onForm(sms.onLoad),
  onRecipientChange: onForm(sms.onRecipientChange),
  onTextChange: onForm(sms.onTextChange),
  onTemplateChange: onForm(sms.onTemplateChange),
};

export const SmsRibbon = {
  send: onPrimaryControl(smsRibbon.send),
  canSend: (primaryControl: Xrm.FormContext): boolean => smsRibbon.canSend(primaryControl),
};

export const RecordRibbon = {
  newSms: onPrimaryControl(recordRibbon.newSms),
};

export const TemplateForm = {
  onLoad: onForm(template.onLoad),
  onEntityChange: onForm(template.onEntityChange),
  onTextChange: onForm(template.onTextChange),
};

export const CampaignForm = {
  onLoad: onForm(campaign.onLoad),
  onTextChange: onForm(campaign.onTextChange),
  onTemplateChange: onForm(campaign.onTemplateChange),
};

export const CampaignRibbon = {
  run: (primaryControl: Xrm.FormContext, action: string) => onPrimaryControl((form, ports) => campaignRibbon.run(form, ports, action))(primaryControl),
  isEnabled: (primaryControl: Xrm.FormContext, action: string): boolean =>
    campaignRibbon.isEnabled(primaryControl, userFromSettings(Xrm.Utility.getGlobalContext().userSettings), action),
};

export const ConfigurationForm = {
  onLoad: onForm(configurationForm.onLoad),
};

/** Embedded in a form, the page reaches Xrm through its parent (same origin in model-driven apps). */
function parentXrm(): typeof Xrm | undefined {
  try {
    return (window.parent as unknown as { Xrm?: typeof Xrm } | null)?.Xrm;
  } catch {
    return undefined;
  }
}

export const ConfigurationPage = {
  /** Called by configuration.html; finds Xrm on the page or, embedded in a form, on its parent. */
  init(root?: HTMLElement): Promise<void> {
    const host = root ?? document.getElementById('smsc-configuration') ?? document.body;
    const xrm = (window as unknown as { Xrm?: typeof Xrm }).Xrm ?? parentXrm();
    if (!xrm) {
      host.textContent = 'Xrm is not available: open this page from Dynamics 365. / Xrm est indisponible : ouvrez cette page depuis Dynamics 365.';
      return Promise.resolve();
    }
    return renderPage({ root: host, ports: xrmPorts(xrm) });
  },
};
