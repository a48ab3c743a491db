/**
 * Tables and columns of the three solutions (names from the product contract and docs/surface.md).
 * Entity.xml and the relationship files are generated from these definitions; forms, views and
 * ribbons are hand-written XML next to them.
 */
import { CampaignSmsStatus, DeliveryStatus, SmsDirection, SmsProvider, TemplateStatus } from '@smsc/core';
import { label, type Label } from './labels';
import type { SolutionName } from './solutions';

export type ColumnType =
  | { type: 'text'; maxLength: number; format?: 'text' | 'phone' | 'email' | 'url' }
  | { type: 'memo'; maxLength: number }
  | { type: 'choice'; optionSet: string; default?: number }
  | { type: 'bool'; default: boolean; yes: Label; no: Label }
  | { type: 'int'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number; precision: number }
  | { type: 'datetime'; format: 'date' | 'datetime' }
  | { type: 'lookup'; target: string; relationship: string };

export type ColumnDefinition = ColumnType & {
  name: string;
  label: Label;
  description: Label;
  required?: 'none' | 'required' | 'recommended';
  /** Column security (field security profile). */
  secured?: boolean;
  primaryName?: boolean;
};

export interface AlternateKey {
  name: string;
  label: Label;
  columns: string[];
}

export interface TableDefinition {
  name: string;
  /** Schema name (folder and privilege names); system tables are capitalised. */
  schemaName: string;
  label: Label;
  plural: Label;
  description: Label;
  entitySet: string;
  ownership: 'UserOwned' | 'OrgOwned';
  activity?: boolean;
  solution: SolutionName;
  columns: ColumnDefinition[];
  keys?: AlternateKey[];
  /** Tables with activities (regarding) and notes. */
  hasActivities?: boolean;
  hasNotes?: boolean;
  /** Icon web resources. */
  icons?: { small: string; vector: string };
}

/** Columns a solution adds to a table it does not own (a system table or a table of core). */
export interface TableExtension {
  table: string;
  schemaName: string;
  label: Label;
  solution: SolutionName;
  columns: ColumnDefinition[];
}

const yesNo = { yes: label('Yes', 'Oui', 'כן'), no: label('No', 'Non', 'לא') };
const icons = { small: 'smsc_/images/sms16.svg', vector: 'smsc_/images/sms32.svg' };

const templateLookup = (relationship: string): ColumnDefinition => ({
  name: 'smsc_templateid',
  type: 'lookup',
  target: 'smsc_smstemplate',
  relationship,
  label: label('SMS template', 'Modèle de SMS', 'תבנית SMS'),
  description: label('The template the text was taken from.', 'Le modèle dont le texte est issu.'),
});

const smsText = (description: Label): ColumnDefinition => ({
  name: 'smsc_text',
  type: 'memo',
  maxLength: 2000,
  label: label('Text', 'Texte', 'טקסט'),
  description,
});

const smsType: ColumnDefinition = {
  name: 'smsc_smstype',
  type: 'choice',
  optionSet: 'smsc_smstype',
  label: label('SMS type', 'Type de SMS', 'סוג SMS'),
  description: label('Marketing or transactional.', 'Marketing ou transactionnel.'),
};

const sender: ColumnDefinition = {
  name: 'smsc_sender',
  type: 'text',
  maxLength: 11,
  label: label('Sender', 'Expéditeur', 'שולח'),
  description: label('Custom sender name shown on the handset (11 characters at most).', 'Émetteur personnalisé affiché sur le téléphone (11 caractères au plus).'),
};

export const tables: TableDefinition[] = [
  {
    name: 'smsc_sms',
    schemaName: 'smsc_sms',
    label: label('SMS', 'SMS', 'SMS'),
    plural: label('SMS', 'SMS', 'הודעות SMS'),
    description: label('A text message sent to or received from a contact, lead or account.', 'Un SMS envoyé à, ou reçu de, un contact, un prospect ou un compte.'),
    entitySet: 'smsc_smses',
    ownership: 'UserOwned',
    activity: true,
    solution: 'SmsConnector',
    hasNotes: true,
    icons,
    columns: [
      {
        name: 'smsc_phonenumber',
        type: 'text',
        maxLength: 20,
        format: 'phone',
        label: label('Recipient number', 'Numéro destinataire', 'מספר נמען'),
        description: label('Mobile number in international (E.164) format.', 'Numéro de mobile au format international (E.164).'),
      },
      smsText(label('The message; merge fields are replaced when it is sent.', 'Le message ; les champs de fusion sont remplacés à l’envoi.')),
      smsType,
      sender,
      {
        name: 'smsc_direction',
        type: 'choice',
        optionSet: 'smsc_smsdirection',
        default: SmsDirection.Outbound,
        label: label('Direction', 'Sens', 'כיוון'),
        description: label('Outbound or inbound.', 'Sortant ou entrant.'),
      },
      {
        name: 'smsc_deliverystatus',
        type: 'choice',
        optionSet: 'smsc_deliverystatus',
        default: DeliveryStatus.Draft,
        label: label('Delivery status', 'Statut de remise', 'סטטוס מסירה'),
        description: label('Set to Queued to send the SMS.', 'Passer à « En file d’attente » pour envoyer le SMS.'),
      },
      {
        name: 'smsc_providermessageid',
        type: 'text',
        maxLength: 100,
        label: label('Provider message id', 'Identifiant chez le fournisseur'),
        description: label('Identifier of the message at the SMS provider.', 'Identifiant du message chez le fournisseur SMS.'),
      },
      {
        name: 'smsc_segments',
        type: 'int',
        min: 0,
        max: 1000,
        label: label('Parts', 'Nombre de SMS', 'חלקים'),
        description: label('Number of SMS parts billed.', 'Nombre de SMS facturés.'),
      },
      {
        name: 'smsc_encoding',
        type: 'text',
        maxLength: 10,
        label: label('Encoding', 'Encodage', 'קידוד'),
        description: label('GSM-7 or UCS-2.', 'GSM-7 ou UCS-2.'),
      },
      {
        name: 'smsc_cost',
        type: 'decimal',
        min: 0,
        max: 1000000,
        precision: 4,
        label: label('Cost', 'Coût', 'עלות'),
        description: label('Cost charged by the provider.', 'Coût facturé par le fournisseur.'),
      },
      {
        name: 'smsc_error',
        type: 'memo',
        maxLength: 4000,
        label: label('Error', 'Erreur', 'שגיאה'),
        description: label('Why the SMS could not be sent.', 'Pourquoi le SMS n’a pas pu être envoyé.'),
      },
      templateLookup('smsc_smstemplate_smsc_sms_templateid'),
    ],
  },
  {
    name: 'smsc_smstemplate',
    schemaName: 'smsc_smstemplate',
    label: label('SMS template', 'Modèle de SMS', 'תבנית SMS'),
    plural: label('SMS templates', 'Modèles de SMS', 'תבניות SMS'),
    description: label('Reusable SMS text with merge fields.', 'Texte de SMS réutilisable avec champs de fusion.'),
    entitySet: 'smsc_smstemplates',
    ownership: 'UserOwned',
    solution: 'SmsConnector',
    icons,
    columns: [
      {
        name: 'smsc_name',
        type: 'text',
        maxLength: 100,
        primaryName: true,
        required: 'required',
        label: label('Template name', 'Nom du modèle', 'שם התבנית'),
        description: label('Descriptive name of the template.', 'Libellé descriptif du modèle.'),
      },
      {
        name: 'smsc_status',
        type: 'choice',
        optionSet: 'smsc_templatestatus',
        default: TemplateStatus.Draft,
        label: label('Status', 'Statut', 'סטטוס'),
        description: label('Only published templates are offered to users.', 'Seuls les modèles publiés sont proposés aux utilisateurs.'),
      },
      {
        name: 'smsc_entity',
        type: 'text',
        maxLength: 100,
        label: label('Applies to', 'Entité applicable', 'חל על'),
        description: label('Logical name of the table the template is written for (contact, lead, account…).', 'Nom logique de la table visée par le modèle (contact, lead, account…).'),
      },
      smsText(label('Text with merge fields such as [lastname].', 'Texte avec champs de fusion, par exemple [lastname].')),
      smsType,
    ],
  },
  {
    name: 'smsc_configuration',
    schemaName: 'smsc_configuration',
    label: label('SMS configuration', 'Configuration SMS', 'הגדרות SMS'),
    plural: label('SMS configurations', 'Configurations SMS', 'הגדרות SMS'),
    description: label('Connection to the SMS provider and sending preferences (one row).', 'Connexion au fournisseur SMS et préférences d’envoi (une seule ligne).'),
    entitySet: 'smsc_configurations',
    ownership: 'OrgOwned',
    solution: 'SmsConnector',
    icons,
    columns: [
      { name: 'smsc_name', type: 'text', maxLength: 100, primaryName: true, required: 'required', label: label('Name', 'Nom', 'שם'), description: label('Name of the configuration.', 'Nom de la configuration.') },
      { name: 'smsc_provider', type: 'choice', optionSet: 'smsc_smsprovider', default: SmsProvider.Octopush, label: label('Provider', 'Fournisseur', 'ספק'), description: label('The SMS provider.', 'Le fournisseur SMS.') },
      { name: 'smsc_apilogin', type: 'text', maxLength: 200, format: 'email', label: label('API login', 'Identifiant API', 'משתמש API'), description: label('E-mail address of the provider account.', 'Adresse e-mail du compte chez le fournisseur.') },
      { name: 'smsc_apikey', type: 'text', maxLength: 500, secured: true, label: label('API key', 'Clé API', 'מפתח API'), description: label('Secret key of the provider account; readable by SMS administrators only.', 'Clé secrète du compte fournisseur ; lisible par les administrateurs SMS seulement.') },
      { name: 'smsc_proxy', type: 'text', maxLength: 200, label: label('Proxy', 'Proxy', 'פרוקסי'), description: label('Proxy server as host:port (for example proxy.domain.com:8080).', 'Serveur proxy sous la forme NOM_SERVEUR:PORT (par exemple proxy.domain.com:8080).') },
      { name: 'smsc_defaultcountry', type: 'text', maxLength: 2, label: label('Default country', 'Pays par défaut', 'מדינת ברירת מחדל'), description: label('ISO country code assumed for numbers without a prefix (for example FR).', 'Code pays ISO supposé pour les numéros sans préfixe (par exemple FR).') },
      { name: 'smsc_allowtypechoice', type: 'bool', default: false, ...yesNo, label: label('Allow SMS type choice', 'Choix du type de SMS', 'אפשר בחירת סוג'), description: label('Users may choose Marketing or Transactional for single sends.', 'Les utilisateurs peuvent choisir Marketing ou Transactionnel pour les envois unitaires.') },
      { name: 'smsc_defaultsmstype', type: 'choice', optionSet: 'smsc_smstype', label: label('Default SMS type', 'Type de SMS par défaut', 'סוג ברירת מחדל'), description: label('SMS type of single sends.', 'Type de SMS des envois unitaires.') },
      { name: 'smsc_allowcustomsender', type: 'bool', default: false, ...yesNo, label: label('Allow custom sender', 'Choix de l’émetteur personnalisé', 'אפשר שולח מותאם'), description: label('Users may enter a custom sender for single sends.', 'Les utilisateurs peuvent saisir un émetteur personnalisé pour les envois unitaires.') },
      { name: 'smsc_defaultsender', type: 'text', maxLength: 11, label: label('Default sender', 'Émetteur personnalisé', 'שולח ברירת מחדל'), description: label('Default custom sender of single sends (optional).', 'Émetteur par défaut des envois unitaires (optionnel).') },
      { name: 'smsc_campaignallowtypechoice', type: 'bool', default: false, ...yesNo, label: label('Campaigns: allow SMS type choice', 'Campagnes : choix du type de SMS'), description: label('Users may choose the SMS type of campaigns.', 'Les utilisateurs peuvent choisir le type de SMS des campagnes.') },
      { name: 'smsc_campaigndefaultsmstype', type: 'choice', optionSet: 'smsc_smstype', label: label('Campaigns: default SMS type', 'Campagnes : type de SMS'), description: label('SMS type of campaigns.', 'Type de SMS des campagnes.') },
      { name: 'smsc_campaignallowcustomsender', type: 'bool', default: false, ...yesNo, label: label('Campaigns: allow custom sender', 'Campagnes : choix de l’émetteur personnalisé'), description: label('Users may enter a custom sender for campaigns.', 'Les utilisateurs peuvent saisir un émetteur personnalisé pour les campagnes.') },
      { name: 'smsc_campaigndefaultsender', type: 'text', maxLength: 11, label: label('Campaigns: default sender', 'Campagnes : émetteur personnalisé'), description: label('Default custom sender of campaigns (optional).', 'Émetteur par défaut des campagnes (optionnel).') },
      { name: 'smsc_credit', type: 'decimal', min: -1000000000, max: 1000000000, precision: 2, label: label('Credit', 'Crédit', 'יתרה'), description: label('Credit left on the provider account at the last check.', 'Crédit restant sur le compte fournisseur lors de la dernière consultation.') },
      { name: 'smsc_creditunit', type: 'text', maxLength: 20, label: label('Credit unit', 'Unité du crédit', 'יחידת יתרה'), description: label('Unit of the credit (SMS, EUR…).', 'Unité du crédit (SMS, EUR…).') },
      { name: 'smsc_creditcheckedon', type: 'datetime', format: 'datetime', label: label('Credit checked on', 'Crédit consulté le', 'יתרה נבדקה ב'), description: label('When the credit was last read from the provider.', 'Date de la dernière consultation du crédit.') },
      { name: 'smsc_sendwindowend', type: 'text', maxLength: 5, label: label('Marketing window end', 'Fin de la plage marketing'), description: label('End of the French marketing sending hours, HH:MM (default 20:00).', 'Fin de la plage horaire des SMS marketing en France, HH:MM (20:00 par défaut).') },
    ],
  },
  {
    name: 'smsc_optout',
    schemaName: 'smsc_optout',
    label: label('SMS opt-out', 'Désinscription SMS', 'הסרה מ-SMS'),
    plural: label('SMS opt-outs', 'Désinscriptions SMS', 'הסרות מ-SMS'),
    description: label('A number that must not receive marketing SMS.', 'Un numéro qui ne doit plus recevoir de SMS marketing.'),
    entitySet: 'smsc_optouts',
    ownership: 'OrgOwned',
    solution: 'SmsConnector',
    icons,
    keys: [{ name: 'smsc_phonenumber_key', label: label('Phone number', 'Numéro de téléphone'), columns: ['smsc_phonenumber'] }],
    columns: [
      { name: 'smsc_name', type: 'text', maxLength: 100, primaryName: true, required: 'required', label: label('Name', 'Nom', 'שם'), description: label('Label of the opt-out.', 'Libellé de la désinscription.') },
      { name: 'smsc_phonenumber', type: 'text', maxLength: 20, format: 'phone', required: 'required', label: label('Phone number', 'Numéro de téléphone', 'מספר טלפון'), description: label('Opted-out number in E.164 format.', 'Numéro désinscrit au format E.164.') },
      { name: 'smsc_source', type: 'choice', optionSet: 'smsc_optoutsource', label: label('Source', 'Origine', 'מקור'), description: label('STOP reply, manual or import.', 'Réponse STOP, saisie manuelle ou importation.') },
      { name: 'smsc_optedouton', type: 'datetime', format: 'datetime', label: label('Opted out on', 'Désinscrit le', 'הוסר בתאריך'), description: label('When the number was opted out.', 'Date de la désinscription.') },
      { name: 'smsc_reason', type: 'memo', maxLength: 2000, label: label('Reason', 'Motif', 'סיבה'), description: label('Text of the reply or reason given.', 'Texte de la réponse ou motif indiqué.') },
    ],
  },
];

export const extensions: TableExtension[] = [
  {
    table: 'campaign',
    schemaName: 'Campaign',
    label: label('Campaign', 'Campagne', 'קמפיין'),
    solution: 'SmsConnectorSales',
    columns: [
      { name: 'smsc_recipienttype', type: 'choice', optionSet: 'smsc_recipienttype', label: label('Recipient type', 'Type de destinataires', 'סוג נמענים'), description: label('Table targeted by the marketing lists of the campaign.', 'Table ciblée par les listes marketing de la campagne.') },
      smsText(label('SMS text with merge fields (489 characters at most).', 'Texte du SMS avec champs de fusion (489 caractères au plus).')),
      smsType,
      sender,
      templateLookup('smsc_smstemplate_campaign_templateid'),
      { name: 'smsc_status', type: 'choice', optionSet: 'smsc_campaignsmsstatus', default: CampaignSmsStatus.NotTransmitted, label: label('SMS status', 'Statut SMS', 'סטטוס SMS'), description: label('Status of the campaign at the SMS provider.', 'Statut de la campagne chez le fournisseur SMS.') },
      { name: 'smsc_providercampaignid', type: 'text', maxLength: 100, label: label('Provider campaign id', 'Identifiant de campagne chez le fournisseur'), description: label('Identifier of the campaign at the SMS provider.', 'Identifiant de la campagne chez le fournisseur SMS.') },
      { name: 'smsc_lastresult', type: 'text', maxLength: 400, label: label('Last result', 'Dernier résultat', 'תוצאה אחרונה'), description: label('Result of the last simulation or preparation.', 'Résultat de la dernière simulation ou préparation.') },
      { name: 'smsc_recipientcount', type: 'int', min: 0, max: 2147483647, label: label('Recipients', 'Destinataires', 'נמענים'), description: label('Number of recipients.', 'Nombre de destinataires.') },
      { name: 'smsc_errorcount', type: 'int', min: 0, max: 2147483647, label: label('Errors', 'Erreurs', 'שגיאות'), description: label('Number of recipients in error.', 'Nombre de destinataires en erreur.') },
      { name: 'smsc_progress', type: 'int', min: 0, max: 100, label: label('Progress (%)', 'Avancement (%)', 'התקדמות (%)'), description: label('Progress of the current operation, in percent.', 'Avancement de l’opération en cours, en pourcentage.') },
    ],
  },
  {
    table: 'smsc_sms',
    schemaName: 'smsc_sms',
    label: label('SMS', 'SMS', 'SMS'),
    solution: 'SmsConnectorSales',
    columns: [
      { name: 'smsc_campaignid', type: 'lookup', target: 'campaign', relationship: 'smsc_campaign_smsc_sms_campaignid', label: label('Campaign', 'Campagne', 'קמפיין'), description: label('The campaign that sent this SMS.', 'La campagne qui a envoyé ce SMS.') },
    ],
  },
];

/** Where a table that we do not own comes from: every Dataverse environment, or a Dynamics 365 app. */
export type TableSource = 'platform' | 'sales' | 'service';

/** System tables that the solutions touch (ribbon, form, workflow, regarding, lookups). */
export const systemTables: Record<string, { schemaName: string; label: Label; source: TableSource }> = {
  contact: { schemaName: 'Contact', label: label('Contact', 'Contact', 'איש קשר'), source: 'platform' },
  account: { schemaName: 'Account', label: label('Account', 'Compte', 'חשבון'), source: 'platform' },
  lead: { schemaName: 'Lead', label: label('Lead', 'Prospect', 'ליד'), source: 'sales' },
  campaign: { schemaName: 'Campaign', label: label('Campaign', 'Campagne', 'קמפיין'), source: 'sales' },
  list: { schemaName: 'List', label: label('Marketing list', 'Liste marketing'), source: 'sales' },
  salesorder: { schemaName: 'SalesOrder', label: label('Order', 'Commande'), source: 'sales' },
  quote: { schemaName: 'Quote', label: label('Quote', 'Devis'), source: 'sales' },
  invoice: { schemaName: 'Invoice', label: label('Invoice', 'Facture'), source: 'sales' },
  incident: { schemaName: 'Incident', label: label('Case', 'Incident'), source: 'service' },
};

export function tableByName(name: string): TableDefinition {
  const found = tables.find((t) => t.name === name);
  if (!found) throw new Error(`tableByName: no table named "${name}"`);
  return found;
}

/** Tables every Dataverse environment has, which any solution may reference (owners, audit, activities). */
export const PLATFORM_TABLES = ['systemuser', 'team', 'businessunit', 'organization', 'activitypointer', 'owner', 'transactioncurrency'];

/** The tables a solution may reference without defining them, given where its tables may come from. */
export function externalTables(sources: TableSource[]): Set<string> {
  return new Set([...PLATFORM_TABLES, ...Object.entries(systemTables).filter(([, t]) => sources.includes(t.source)).map(([name]) => name)]);
}
