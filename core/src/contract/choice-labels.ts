/**
 * Labels of the solution's choices, in every language the product ships (English and French;
 * Hebrew where written). The one source for the solution's option sets, the backend's messages
 * and the browser code, so that what a form shows and what a message says never differ.
 */
import type { Language } from '../i18n/language';
import { CampaignSmsStatus, DeliveryStatus, OptOutSource, RecipientType, SmsDirection, SmsProvider, SmsType, TemplateStatus } from './choices';

export interface ChoiceLabel {
  en: string;
  fr: string;
  he?: string;
}

type LabelsOf<T extends Record<string, number>> = { readonly [K in keyof T]: ChoiceLabel };

export const SmsTypeLabels: LabelsOf<typeof SmsType> = {
  Marketing: { en: 'Marketing', fr: 'Marketing', he: 'שיווקי' },
  Transactional: { en: 'Transactional', fr: 'Transactionnel', he: 'תפעולי' },
};

export const SmsDirectionLabels: LabelsOf<typeof SmsDirection> = {
  Outbound: { en: 'Outbound', fr: 'Sortant', he: 'יוצא' },
  Inbound: { en: 'Inbound', fr: 'Entrant', he: 'נכנס' },
};

export const DeliveryStatusLabels: LabelsOf<typeof DeliveryStatus> = {
  Draft: { en: 'Draft', fr: 'Brouillon', he: 'טיוטה' },
  Queued: { en: 'Queued', fr: 'En file d’attente', he: 'בתור' },
  Scheduled: { en: 'Scheduled', fr: 'Planifié', he: 'מתוזמן' },
  Submitted: { en: 'Submitted', fr: 'Transmis', he: 'נשלח לספק' },
  Delivered: { en: 'Delivered', fr: 'Remis', he: 'נמסר' },
  Failed: { en: 'Failed', fr: 'Échec', he: 'נכשל' },
  Canceled: { en: 'Canceled', fr: 'Annulé', he: 'בוטל' },
  Received: { en: 'Received', fr: 'Reçu', he: 'התקבל' },
};

export const TemplateStatusLabels: LabelsOf<typeof TemplateStatus> = {
  Draft: { en: 'Draft', fr: 'En cours de création', he: 'טיוטה' },
  Published: { en: 'Published', fr: 'Publié', he: 'פורסם' },
};

export const SmsProviderLabels: LabelsOf<typeof SmsProvider> = {
  Octopush: { en: 'Octopush', fr: 'Octopush' },
  Twilio: { en: 'Twilio', fr: 'Twilio' },
  AzureCommunicationServices: { en: 'Azure Communication Services', fr: 'Azure Communication Services' },
};

export const OptOutSourceLabels: LabelsOf<typeof OptOutSource> = {
  StopReply: { en: 'STOP reply', fr: 'Réponse STOP' },
  Manual: { en: 'Manual', fr: 'Manuelle' },
  Import: { en: 'Import', fr: 'Importation' },
};

export const RecipientTypeLabels: LabelsOf<typeof RecipientType> = {
  Contact: { en: 'Contact', fr: 'Contact' },
  Lead: { en: 'Lead', fr: 'Prospect' },
  Account: { en: 'Account', fr: 'Compte' },
};

/** The guide's "Statut de la campagne", where the campaign is at the provider. */
export const CampaignSmsStatusLabels: LabelsOf<typeof CampaignSmsStatus> = {
  NotTransmitted: { en: 'Not transmitted', fr: 'Campagne non transmise' },
  Building: { en: 'Building', fr: 'Campagne en cours de construction' },
  Ready: { en: 'Ready to send', fr: 'Campagne prête à l’envoi' },
  Sent: { en: 'Sent', fr: 'Campagne envoyée' },
  Failed: { en: 'Failed', fr: 'Échec de la campagne' },
};

/** The label of one option in a product language. */
export function choiceLabel<T extends Record<string, number>>(labels: LabelsOf<T>, key: keyof T, language: Language): string {
  return labels[key][language];
}
