/**
 * Custom APIs (docs/surface.md, "Custom APIs"). None has a plug-in: the backend's webhook steps,
 * registered on their messages after import, do the work (allowedcustomprocessingsteptype 2).
 */
import { label, type Label } from './labels';
import type { SolutionName } from './solutions';

/** customapirequestparameter type codes (Microsoft's customapi table reference). */
export const ParameterType = { Boolean: 0, DateTime: 1, Decimal: 2, Entity: 3, EntityCollection: 4, EntityReference: 5, Float: 6, Integer: 7, Money: 8, Picklist: 9, String: 10, StringArray: 11, Guid: 12 } as const;

export interface CustomApiParameter {
  name: string;
  type: (typeof ParameterType)[keyof typeof ParameterType];
  optional: boolean;
  /** Table of an EntityReference parameter, when it is always the same. */
  entity?: string;
  label: Label;
  description: Label;
}

export interface CustomApiDefinition {
  uniqueName: string;
  /** Bound table, or undefined for a global (unbound) API. */
  boundEntity?: string;
  label: Label;
  description: Label;
  /** Offered as a step in classic workflows; Dataverse refuses EntityReference parameters on unbound workflow APIs. */
  workflowStep: boolean;
  parameters: CustomApiParameter[];
  solution: SolutionName;
}

const p = (name: string, type: CustomApiParameter['type'], en: string, fr: string, descEn: string, descFr: string, entity?: string): CustomApiParameter => ({
  name,
  type,
  optional: true,
  ...(entity ? { entity } : {}),
  label: label(en, fr),
  description: label(descEn, descFr),
});

const campaignApi = (uniqueName: string, en: string, fr: string, descEn: string, descFr: string): CustomApiDefinition => ({
  uniqueName,
  boundEntity: 'campaign',
  label: label(en, fr),
  description: label(descEn, descFr),
  workflowStep: false,
  parameters: [],
  solution: 'SmsConnectorSales',
});

export const customApis: CustomApiDefinition[] = [
  {
    uniqueName: 'smsc_SendSms',
    boundEntity: 'smsc_sms',
    label: label('Send SMS', 'Envoyer le SMS', 'שליחת SMS'),
    description: label('Sends this SMS now, or at its due date.', 'Envoie ce SMS maintenant, ou à sa date d’échéance.'),
    workflowStep: false,
    parameters: [],
    solution: 'SmsConnector',
  },
  {
    uniqueName: 'smsc_SendSmsToRecipient',
    label: label('Send SMS to a recipient', 'Envoyer un SMS à un destinataire', 'שליחת SMS לנמען'),
    description: label('Creates an SMS for one contact, lead, account or number, and sends it.', 'Crée un SMS pour un contact, un prospect, un compte ou un numéro, puis l’envoie.'),
    workflowStep: false,
    solution: 'SmsConnector',
    parameters: [
      p('Contact', ParameterType.EntityReference, 'Recipient contact', 'Contact destinataire', 'Contact to send to.', 'Contact à qui envoyer.', 'contact'),
      // No table on Lead: lead comes with Dynamics 365 Sales and core must import without it; the backend checks the type.
      p('Lead', ParameterType.EntityReference, 'Recipient lead', 'Prospect destinataire', 'Lead to send to.', 'Prospect à qui envoyer.'),
      p('Account', ParameterType.EntityReference, 'Recipient account', 'Compte destinataire', 'Account to send to (mobile of its primary contact).', 'Compte à qui envoyer (mobile de son contact principal).', 'account'),
      p('PhoneNumber', ParameterType.String, 'Phone number', 'Numéro de téléphone', 'Number to send to without a record (test sends).', 'Numéro à qui envoyer sans enregistrement (envois de test).'),
      p('Template', ParameterType.EntityReference, 'SMS template to use', 'Modèle de SMS à utiliser', 'Template whose text is sent.', 'Modèle dont le texte est envoyé.', 'smsc_smstemplate'),
      p('Text', ParameterType.String, 'Text to use', 'Texte à utiliser', 'Text to send when no template is given.', 'Texte à envoyer quand aucun modèle n’est indiqué.'),
      p('Regarding', ParameterType.EntityReference, 'Regarding', 'Concernant', 'Record the SMS is about ([regarding:…] merge fields).', 'Enregistrement concerné (champs de fusion [regarding:…]).'),
      p('SmsType', ParameterType.Integer, 'SMS type', 'Type de SMS', 'Option value of the SMS type (Marketing or Transactional).', 'Valeur du type de SMS (Marketing ou Transactionnel).'),
      p('Sender', ParameterType.String, 'Sender', 'Expéditeur', 'Custom sender.', 'Émetteur personnalisé.'),
      p('DueDate', ParameterType.DateTime, 'Due date', 'Date d’échéance', 'When to send; empty sends now.', 'Quand envoyer ; vide pour envoyer maintenant.'),
    ],
  },
  {
    uniqueName: 'smsc_CheckCredit',
    label: label('Check SMS credit', 'Afficher le crédit SMS', 'בדיקת יתרת SMS'),
    description: label('Reads the credit left at the SMS provider into the configuration row.', 'Lit le crédit restant chez le fournisseur SMS dans la configuration.'),
    workflowStep: false,
    parameters: [],
    solution: 'SmsConnector',
  },
  campaignApi('smsc_SimulateCampaign', 'Simulate SMS campaign', 'Tester la campagne SMS', 'Checks every recipient and attaches resume.csv to the campaign.', 'Vérifie chaque destinataire et joint resume.csv à la campagne.'),
  campaignApi('smsc_PrepareCampaign', 'Prepare SMS campaign', 'Préparer la campagne SMS', 'Transmits the campaign to the SMS provider.', 'Transmet la campagne au fournisseur SMS.'),
  campaignApi('smsc_SendCampaign', 'Send SMS campaign', 'Envoyer les SMS de la campagne', 'Sends a ready campaign.', 'Envoie une campagne prête.'),
  campaignApi('smsc_CancelCampaign', 'Cancel SMS campaign', 'Annuler la campagne SMS', 'Cancels a campaign that is building or ready.', 'Annule une campagne en construction ou prête.'),
  campaignApi('smsc_RefreshCampaignStatus', 'Refresh SMS campaign status', 'Actualiser le statut de la campagne SMS', 'Reads the campaign status from the SMS provider.', 'Lit le statut de la campagne chez le fournisseur SMS.'),
];

/** The Custom API each campaign ribbon action runs (the `action` string parameter of SmsConnector.CampaignRibbon.run). */
export const campaignRibbonActions: Record<string, string> = {
  simulate: 'smsc_SimulateCampaign',
  prepare: 'smsc_PrepareCampaign',
  send: 'smsc_SendCampaign',
  cancel: 'smsc_CancelCampaign',
  refresh: 'smsc_RefreshCampaignStatus',
};
