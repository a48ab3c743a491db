import { fillTemplate, type Language } from './language';

/**
 * Every sentence the core produces for a user, in each product language. Keys are stable codes
 * that callers can also store or test against.
 */
const MESSAGES = {
  'phone.empty': {
    en: 'No phone number.',
    fr: 'Aucun numéro de téléphone.',
  },
  'phone.letters': {
    en: 'The number "{input}" contains letters.',
    fr: 'Le numéro « {input} » contient des lettres.',
  },
  'phone.characters': {
    en: 'The number "{input}" contains characters that are not allowed ({characters}).',
    fr: 'Le numéro « {input} » contient des caractères non autorisés ({characters}).',
  },
  'phone.no_country': {
    en: 'The number "{input}" has no country code: write it as +XX… or 00XX…, or set a default country.',
    fr: 'Le numéro « {input} » n\'a pas d\'indicatif pays : écrivez-le +XX… ou 00XX…, ou définissez un pays par défaut.',
  },
  'phone.unknown_country_code': {
    en: 'The number "{input}" starts with an unknown country code.',
    fr: 'Le numéro « {input} » commence par un indicatif pays inconnu.',
  },
  'phone.too_short': {
    en: 'The number "{input}" is too short{forCountry}.',
    fr: 'Le numéro « {input} » est trop court{forCountry}.',
  },
  'phone.too_long': {
    en: 'The number "{input}" is too long{forCountry}.',
    fr: 'Le numéro « {input} » est trop long{forCountry}.',
  },
  'phone.invalid': {
    en: 'The number "{input}" is not a valid number{forCountry}.',
    fr: 'Le numéro « {input} » n\'est pas un numéro valide{forCountry}.',
  },
  'phone.for_country': {
    en: ' for {country}',
    fr: ' pour le pays {country}',
  },
  'phone.not_mobile': {
    en: 'The number {number} is a landline: it cannot receive SMS.',
    fr: 'Le numéro {number} est un fixe : il ne peut pas recevoir de SMS.',
  },
  'check.empty_text': {
    en: 'The message is empty.',
    fr: 'Le message est vide.',
  },
  'check.too_long': {
    en: 'The message has {length} characters after merge; the maximum is {max}.',
    fr: 'Le message compte {length} caractères après fusion ; le maximum est {max}.',
  },
  'check.no_number': {
    en: 'No mobile number for {recipient}.',
    fr: 'Aucun numéro de mobile pour {recipient}.',
  },
  'check.stop_mention': {
    en: "The mention 'STOP au XXXXX' must be present.",
    fr: "La mention 'STOP au XXXXX' doit être présente.",
  },
  'check.missing_field': {
    en: 'Unknown merge field {fields}.',
    fr: 'Champ de fusion inconnu {fields}.',
  },
  'check.opted_out': {
    en: 'The number {number} has opted out (STOP): not sent.',
    fr: 'Le numéro {number} s\'est désinscrit (STOP) : non envoyé.',
  },
  'check.duplicate': {
    en: 'Duplicate number {number}: already sent to {first}.',
    fr: 'Numéro en double {number} : déjà envoyé à {first}.',
  },
  'summary.recipients': {
    en: '{count} recipient|{count} recipients',
    fr: '{count} destinataire|{count} destinataires',
  },
  'summary.errors': {
    en: '{count} error|{count} errors',
    fr: '{count} erreur|{count} erreurs',
  },
  'summary.skipped': {
    en: '{count} skipped|{count} skipped',
    fr: '{count} ignoré|{count} ignorés',
  },
  'campaign.transition': {
    en: 'The action "{action}" is not allowed when the campaign status is "{state}".',
    fr: 'L\'action « {action} » n\'est pas possible au statut « {state} ».',
  },
  'value.yes': { en: 'Yes', fr: 'Oui' },
  'value.no': { en: 'No', fr: 'Non' },
} satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof MESSAGES;

export function message(code: MessageCode, language: Language, params?: Record<string, string | number>): string {
  const entry = MESSAGES[code] as Record<Language, string>;
  return fillTemplate(entry[language] ?? entry.en, params);
}

/** A "one|other" message chosen with the language's plural rules (French: 0 and 1 are singular). */
export function pluralMessage(code: MessageCode, language: Language, count: number): string {
  const [one, other] = message(code, language, { count }).split('|') as [string, string?];
  const category = new Intl.PluralRules(language).select(count);
  return category === 'one' || other === undefined ? one : other;
}
