/**
 * Global choices (option sets) of the solution. Option values and their labels come from the
 * product contract in @smsc/core, so the XML, the browser code and the backend cannot disagree.
 */
import {
  CampaignSmsStatus,
  CampaignSmsStatusLabels,
  DeliveryStatus,
  DeliveryStatusLabels,
  OptOutSource,
  OptOutSourceLabels,
  RecipientType,
  RecipientTypeLabels,
  SmsDirection,
  SmsDirectionLabels,
  SmsProvider,
  SmsProviderLabels,
  SmsType,
  SmsTypeLabels,
  TemplateStatus,
  TemplateStatusLabels,
} from '@smsc/core';
import { label, type Label } from './labels';

export interface ChoiceDefinition {
  name: string;
  label: Label;
  description: Label;
  options: Array<{ value: number; label: Label }>;
  /** Solution that owns the option set. */
  solution: 'SmsConnector' | 'SmsConnectorSales';
}

function options<T extends Record<string, number>>(values: T, labels: { readonly [K in keyof T]: Label }): Array<{ value: number; label: Label }> {
  return (Object.keys(values) as Array<keyof T>).map((key) => ({ value: values[key], label: labels[key] }));
}

export const choices: ChoiceDefinition[] = [
  {
    name: 'smsc_smstype',
    label: label('SMS type', 'Type de SMS', 'סוג SMS'),
    description: label('Marketing SMS follow the sending hours and opt-outs; transactional SMS do not.', 'Les SMS marketing respectent les horaires d’envoi et les désinscriptions ; les SMS transactionnels non.'),
    options: options(SmsType, SmsTypeLabels),
    solution: 'SmsConnector',
  },
  {
    name: 'smsc_smsdirection',
    label: label('SMS direction', 'Sens du SMS'),
    description: label('Whether the SMS was sent or received.', 'Indique si le SMS a été envoyé ou reçu.'),
    options: options(SmsDirection, SmsDirectionLabels),
    solution: 'SmsConnector',
  },
  {
    name: 'smsc_deliverystatus',
    label: label('Delivery status', 'Statut de remise', 'סטטוס מסירה'),
    description: label('Where the SMS is between Dataverse, the SMS provider and the handset.', 'Où en est le SMS entre Dataverse, le fournisseur SMS et le téléphone.'),
    options: options(DeliveryStatus, DeliveryStatusLabels),
    solution: 'SmsConnector',
  },
  {
    name: 'smsc_templatestatus',
    label: label('Template status', 'Statut du modèle', 'סטטוס תבנית'),
    description: label('Only published templates are offered to users.', 'Seuls les modèles publiés sont proposés aux utilisateurs.'),
    options: options(TemplateStatus, TemplateStatusLabels),
    solution: 'SmsConnector',
  },
  {
    name: 'smsc_smsprovider',
    label: label('SMS provider', 'Fournisseur SMS', 'ספק SMS'),
    description: label('The SMS provider that sends the messages.', 'Le fournisseur qui envoie les SMS.'),
    options: options(SmsProvider, SmsProviderLabels),
    solution: 'SmsConnector',
  },
  {
    name: 'smsc_optoutsource',
    label: label('Opt-out source', 'Origine de la désinscription'),
    description: label('How the number was opted out.', 'Comment le numéro a été désinscrit.'),
    options: options(OptOutSource, OptOutSourceLabels),
    solution: 'SmsConnector',
  },
  {
    name: 'smsc_recipienttype',
    label: label('Recipient type', 'Type de destinataires'),
    description: label('The table that every marketing list of the campaign targets.', 'La table ciblée par toutes les listes marketing de la campagne.'),
    options: options(RecipientType, RecipientTypeLabels),
    solution: 'SmsConnectorSales',
  },
  {
    name: 'smsc_campaignsmsstatus',
    label: label('SMS campaign status', 'Statut de la campagne SMS'),
    description: label('Where the campaign is at the SMS provider.', 'État de la campagne chez le fournisseur SMS.'),
    options: options(CampaignSmsStatus, CampaignSmsStatusLabels),
    solution: 'SmsConnectorSales',
  },
];

export function choiceByName(name: string): ChoiceDefinition {
  const found = choices.find((c) => c.name === name);
  if (!found) throw new Error(`choiceByName: no choice named "${name}"`);
  return found;
}
