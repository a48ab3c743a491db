import { fillTemplate, type Language } from '@smsc/core';

/** What campaigns write in smsc_lastresult, notes and Custom API answers, per user language. */
const TEXT = {
  notFound: { en: 'Campaign {id} does not exist.', fr: "La campagne {id} n'existe pas." },
  noLists: {
    en: 'Campaign "{name}" has no marketing list: add one in "Target Marketing Lists".',
    fr: 'La campagne « {name} » n\'a pas de liste marketing : ajoutez-en une dans « Listes marketing cibles ».',
  },
  mixedTables: {
    en: 'Campaign "{name}": all marketing lists must target the same table; {detail}.',
    fr: 'Campagne « {name} » : toutes les listes marketing doivent cibler la même table ; {detail}.',
  },
  unsupportedTable: {
    en: 'Campaign "{name}": the list "{list}" targets {table}; SMS campaigns go to contacts, leads or accounts.',
    fr: 'Campagne « {name} » : la liste « {list} » cible {table} ; les campagnes SMS vont aux contacts, prospects ou comptes.',
  },
  noText: { en: 'Campaign "{name}", field "Text": the SMS text is empty.', fr: 'Campagne « {name} », champ « Texte » : le texte du SMS est vide.' },
  badSender: {
    en: 'Campaign "{name}", field "Sender": "{sender}" is not allowed; use 3 to 11 letters or digits.',
    fr: 'Campagne « {name} », champ « Expéditeur » : « {sender} » n\'est pas autorisé ; utilisez 3 à 11 lettres ou chiffres.',
  },
  templateMissing: { en: 'Campaign "{name}": the SMS template no longer exists.', fr: "Campagne « {name} » : le modèle de SMS n'existe plus." },
  notConfigured: {
    en: 'The SMS connector is not configured: an administrator must fill in the Configuration page.',
    fr: "Le connecteur SMS n'est pas configuré : un administrateur doit renseigner la page Configuration.",
  },
  simulationRunning: { en: 'Simulation in progress…', fr: 'Simulation en cours…' },
  simulationBusy: { en: 'A simulation of campaign "{name}" is already running.', fr: 'Une simulation de la campagne « {name} » est déjà en cours.' },
  preparing: { en: 'Preparing: reading the recipients…', fr: 'Préparation : lecture des destinataires…' },
  transmitting: { en: 'Transmitting {count} recipients to the provider…', fr: 'Transmission de {count} destinataires au fournisseur…' },
  building: { en: 'Transmitted: the provider is building the campaign.', fr: 'Transmise : le fournisseur construit la campagne.' },
  ready: { en: 'Ready to send: {count} SMS, cost {cost}.', fr: "Prête à l'envoi : {count} SMS, coût {cost}." },
  failed: { en: 'The provider could not build the campaign: {reason}', fr: "Le fournisseur n'a pas pu construire la campagne : {reason}" },
  nothingToSend: { en: '{summary} Nothing can be sent: see the transmission summary in the notes.', fr: '{summary} Rien ne peut être envoyé : voir le résumé de la transmission dans les notes.' },
  sending: { en: 'Sending…', fr: 'Envoi en cours…' },
  held: {
    en: 'Marketing SMS to French numbers only leave Monday to Saturday, 8:00 to {end}, outside public holidays: the campaign will be sent on {when}.',
    fr: 'Les SMS marketing vers la France ne partent que du lundi au samedi, de 8 h à {end}, hors jours fériés : la campagne sera envoyée le {when}.',
  },
  sent: { en: 'Sent: {count} SMS{when}.', fr: 'Envoyée : {count} SMS{when}.' },
  sentAt: { en: ', leaving on {when}', fr: ', départ le {when}' },
  canceled: { en: 'Campaign canceled: it can be simulated or prepared again.', fr: 'Campagne annulée : elle peut être simulée ou préparée à nouveau.' },
  stillBuilding: { en: 'The provider is still building the campaign.', fr: 'Le fournisseur construit encore la campagne.' },
  internalFailure: {
    en: 'The campaign stopped on an internal error while {step}: {error}. Prepare it again; no SMS was sent twice.',
    fr: "La campagne s'est arrêtée sur une erreur interne pendant {step} : {error}. Préparez-la à nouveau ; aucun SMS n'a été envoyé deux fois.",
  },
  simulationNote: { en: 'Simulation summary ({when})', fr: 'Résumé de la simulation ({when})' },
  transmissionNote: { en: 'Transmission summary ({when})', fr: 'Résumé de la transmission ({when})' },
} satisfies Record<string, Record<Language, string>>;

export type CampaignMessage = keyof typeof TEXT;

export function sayCampaign(key: CampaignMessage, language: Language, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][language], params);
}

export const STEP_NAMES: Record<string, Record<Language, string>> = {
  collect: { en: 'reading the recipients', fr: 'la lecture des destinataires' },
  finalize: { en: 'checking the recipients', fr: 'la vérification des destinataires' },
  upload: { en: 'transmitting the recipients', fr: 'la transmission des destinataires' },
  create: { en: 'creating the campaign at the provider', fr: 'la création de la campagne chez le fournisseur' },
  send: { en: 'sending', fr: "l'envoi" },
  activities: { en: 'recording the SMS activities', fr: "l'enregistrement des activités SMS" },
};

export function formatMoney(amount: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(amount).replace(/[\u202f\u00a0]/g, ' ');
}
