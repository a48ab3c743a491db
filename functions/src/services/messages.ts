import { fillTemplate, type Language } from '@smsc/core';

/** Sentences the backend writes on SMS records and returns to Dataverse, per user language. */
const TEXT = {
  notConfigured: {
    en: 'The SMS connector is not configured: an administrator must fill in the Configuration page.',
    fr: "Le connecteur SMS n'est pas configuré : un administrateur doit renseigner la page Configuration.",
  },
  missingCredentials: {
    en: 'The provider login or API key is missing in the SMS configuration.',
    fr: "L'identifiant ou la clé API du fournisseur manque dans la configuration SMS.",
  },
  smsNotFound: { en: 'SMS {id} does not exist.', fr: "Le SMS {id} n'existe pas." },
  inbound: { en: 'SMS "{subject}" is an incoming SMS: it cannot be sent.', fr: 'Le SMS « {subject} » est un SMS reçu : il ne peut pas être envoyé.' },
  canceled: { en: 'SMS "{subject}" was canceled.', fr: 'Le SMS « {subject} » a été annulé.' },
  alreadySent: { en: 'SMS "{subject}" was already sent ({status}).', fr: 'Le SMS « {subject} » a déjà été envoyé ({status}).' },
  inProgress: { en: 'SMS "{subject}" is being sent.', fr: 'Le SMS « {subject} » est en cours d\'envoi.' },
  noRecipient: {
    en: 'SMS "{subject}" has no recipient: choose a contact, lead or account in "Recipient".',
    fr: 'Le SMS « {subject} » n\'a pas de destinataire : choisissez un contact, un prospect ou un compte dans « Destinataire ».',
  },
  unsupportedRecipient: {
    en: 'SMS "{subject}": the recipient "{name}" is a {table}; SMS go to contacts, leads and accounts.',
    fr: 'SMS « {subject} » : le destinataire « {name} » est de type {table} ; les SMS vont aux contacts, prospects et comptes.',
  },
  recipientMissing: { en: 'SMS "{subject}": the recipient no longer exists.', fr: "SMS « {subject} » : le destinataire n'existe plus." },
  noMobile: {
    en: 'SMS "{subject}": {name} has no mobile phone ("Mobile Phone" is empty){via}.',
    fr: 'SMS « {subject} » : {name} n\'a pas de numéro de mobile (« Téléphone mobile » est vide){via}.',
  },
  viaPrimaryContact: { en: ' on the primary contact {contact} of account {account}', fr: ' sur le contact principal {contact} du compte {account}' },
  noPrimaryContact: {
    en: 'SMS "{subject}": account {name} has no primary contact, whose mobile number SMS to an account use.',
    fr: 'SMS « {subject} » : le compte {name} n\'a pas de contact principal, dont le mobile sert aux SMS vers un compte.',
  },
  invalidNumber: { en: 'SMS "{subject}", field "Recipient number": {reason}', fr: 'SMS « {subject} », champ « Numéro destinataire » : {reason}' },
  landline: {
    en: 'SMS "{subject}", field "Recipient number": {number} is a landline and cannot receive SMS.',
    fr: 'SMS « {subject} », champ « Numéro destinataire » : le {number} est un fixe et ne peut pas recevoir de SMS.',
  },
  optedOut: {
    en: 'SMS "{subject}": {number} has opted out (STOP) of marketing SMS. Transactional SMS are still allowed.',
    fr: 'SMS « {subject} » : le {number} s\'est désinscrit (STOP) des SMS marketing. Les SMS transactionnels restent possibles.',
  },
  emptyText: { en: 'SMS "{subject}", field "Text": the message is empty.', fr: 'SMS « {subject} », champ « Texte » : le message est vide.' },
  templateMissing: { en: 'SMS "{subject}": the template no longer exists.', fr: "SMS « {subject} » : le modèle n'existe plus." },
  templateNotPublished: { en: 'SMS "{subject}": the template "{name}" is not published.', fr: 'SMS « {subject} » : le modèle « {name} » n\'est pas publié.' },
  missingFields: {
    en: 'SMS "{subject}", field "Text": unknown merge field {fields} for {table} "{name}".',
    fr: 'SMS « {subject} », champ « Texte » : champ de fusion inconnu {fields} pour {table} « {name} ».',
  },
  missingRegarding: {
    en: 'SMS "{subject}", field "Text": {fields} needs a "Regarding" record, and this SMS has none.',
    fr: 'SMS « {subject} », champ « Texte » : {fields} nécessite un enregistrement « Concernant », et ce SMS n\'en a pas.',
  },
  tooLong: {
    en: 'SMS "{subject}", field "Text": {length} characters; the provider accepts at most {max}.',
    fr: 'SMS « {subject} », champ « Texte » : {length} caractères ; le fournisseur en accepte au plus {max}.',
  },
  stopMention: {
    en: "SMS \"{subject}\", field \"Text\": marketing SMS to French numbers must contain the mention 'STOP au XXXXX'.",
    fr: "SMS « {subject} », champ « Texte » : les SMS marketing vers la France doivent contenir la mention 'STOP au XXXXX'.",
  },
  badSender: {
    en: 'SMS "{subject}", field "Sender": "{sender}" is not allowed; use 3 to 11 letters or digits, without accents or spaces.',
    fr: 'SMS « {subject} », champ « Expéditeur » : « {sender} » n\'est pas autorisé ; utilisez 3 à 11 lettres ou chiffres, sans accent ni espace.',
  },
  providerFailed: { en: 'SMS "{subject}" was not sent: {reason}', fr: "Le SMS « {subject} » n'a pas été envoyé : {reason}" },
  providerUnavailable: {
    en: 'SMS "{subject}" was not sent: the SMS provider is not answering ({reason}). Try again in a few minutes.',
    fr: "Le SMS « {subject} » n'a pas été envoyé : le fournisseur SMS ne répond pas ({reason}). Réessayez dans quelques minutes.",
  },
  sent: { en: 'SMS sent to {number} ({parts} part(s)).', fr: 'SMS envoyé au {number} ({parts} partie(s)).' },
  scheduled: { en: 'SMS scheduled for {when} to {number}.', fr: 'SMS programmé le {when} pour le {number}.' },
  heldForHours: {
    en: 'Marketing SMS to French numbers may only be sent Monday to Saturday, 8:00 to {end}, except public holidays: scheduled for {when}.',
    fr: 'Les SMS marketing vers la France ne partent que du lundi au samedi, de 8 h à {end}, hors jours fériés : programmé le {when}.',
  },
  duplicateSent: {
    en: 'SMS sent to {number} (the provider had already received it; its reference is not known).',
    fr: 'SMS envoyé au {number} (le fournisseur l\'avait déjà reçu ; sa référence n\'est pas connue).',
  },
  exactlyOneRecipient: {
    en: 'Give exactly one of Contact, Lead, Account or PhoneNumber ({count} given).',
    fr: 'Indiquez exactement un seul de Contact, Lead, Account ou PhoneNumber ({count} indiqués).',
  },
  textOrTemplate: { en: 'Give a Text or a Template.', fr: 'Indiquez un texte (Text) ou un modèle (Template).' },
  reply: { en: 'Reply from {number}', fr: 'Réponse de {number}' },
  stopReceived: { en: 'STOP received from {number}', fr: 'STOP reçu de {number}' },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof TEXT;

export function say(key: MessageKey, language: Language, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][language], params);
}

/** Dates in messages: the user's language, Paris time (the product's home zone). */
export function formatWhen(date: Date, language: Language, timeZone = 'Europe/Paris'): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(date).replace(/[\u202f\u00a0]/g, ' ');
}

/** "16/04/2015 15:15:17", Paris time: how the guide titles its summaries. */
export function formatStamp(date: Date, timeZone = 'Europe/Paris'): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}
