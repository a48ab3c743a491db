import { ProviderError } from '../../errors';
import type { Language } from '@smsc/core';

/**
 * Octopush answers 400 with `{ code, message }`; the codes follow its historic return-code table.
 * Each known code gets a sentence a sales user can act on.
 */
const KNOWN: Record<number, Record<Language, string>> = {
  101: { en: 'Octopush refused the API login or key: check the connection settings.', fr: 'Octopush a refusé l\'identifiant ou la clé API : vérifiez la configuration de connexion.' },
  102: { en: 'The SMS text is too long for Octopush.', fr: 'Le texte du SMS est trop long pour Octopush.' },
  103: { en: 'The SMS has no recipient.', fr: 'Le SMS n\'a pas de destinataire.' },
  104: { en: 'The Octopush account has no credit left.', fr: 'Le compte Octopush n\'a plus de crédit.' },
  105: { en: 'The Octopush account does not have enough credit for this send.', fr: 'Le compte Octopush n\'a pas assez de crédit pour cet envoi.' },
  106: { en: 'The sender name is not accepted: 3 to 11 letters or digits, no accents, spaces or punctuation.', fr: 'L\'émetteur n\'est pas accepté : 3 à 11 lettres ou chiffres, sans accent, espace ni ponctuation.' },
  107: { en: 'The SMS text is empty.', fr: 'Le texte du SMS est vide.' },
  113: { en: 'The Octopush account is not validated yet.', fr: 'Le compte Octopush n\'est pas encore validé.' },
  114: { en: 'The Octopush account is blocked for verification.', fr: 'Le compte Octopush est bloqué pour vérification.' },
  117: { en: 'Octopush found no valid number: use the international format (+33…).', fr: 'Octopush n\'a trouvé aucun numéro valide : utilisez le format international (+33…).' },
  120: { en: 'This SMS was already sent (same request id).', fr: 'Ce SMS a déjà été envoyé (même identifiant de requête).' },
  121: { en: "French marketing SMS must contain the mention 'STOP au XXXXX'.", fr: "Les SMS marketing vers la France doivent contenir la mention 'STOP au XXXXX'." },
  122: { en: 'Low-cost SMS must contain the mention "no PUB=STOP".', fr: 'Les SMS low cost doivent contenir la mention « no PUB=STOP ».' },
  150: { en: 'Octopush has no country for this number prefix.', fr: 'Octopush ne connaît pas le pays de ce préfixe.' },
  151: { en: 'Octopush does not serve this country.', fr: 'Octopush ne dessert pas ce pays.' },
  153: { en: 'The route to this operator is congested: try again later.', fr: 'La route vers cet opérateur est saturée : réessayez plus tard.' },
  126: { en: 'Another campaign is waiting for validation at Octopush: send or cancel it first.', fr: 'Une autre campagne attend sa validation chez Octopush : envoyez-la ou annulez-la d\'abord.' },
  127: { en: 'Another campaign is being prepared at Octopush: wait until it is ready, then send or cancel it.', fr: 'Une autre campagne est en cours de préparation chez Octopush : attendez qu\'elle soit prête, puis envoyez-la ou annulez-la.' },
  129: { en: 'The campaign is still being built at Octopush.', fr: 'La campagne est encore en cours de construction chez Octopush.' },
  131: { en: 'Octopush does not know this campaign (cancelled or never transmitted).', fr: 'Octopush ne connaît pas cette campagne (annulée ou jamais transmise).' },
  132: { en: 'This campaign was already sent.', fr: 'Cette campagne a déjà été envoyée.' },
  303: { en: 'Octopush does not know the contact list of this campaign.', fr: 'Octopush ne connaît pas la liste de contacts de cette campagne.' },
  305: { en: 'Too many contacts in one request to Octopush.', fr: 'Trop de contacts dans une seule requête vers Octopush.' },
};

/** Codes that mean "already accepted": the request reached Octopush before. */
export const DUPLICATE_REQUEST_CODE = 120;
/** List campaigns: not computed yet, unknown ticket, already sent; contact lists: name taken. */
export const CAMPAIGN_NOT_READY = 129;
export const CAMPAIGN_NOT_FOUND = 131;
export const CAMPAIGN_SENT = 132;
export const LIST_EXISTS = 302;

export function octopushErrorMessage(code: number | undefined, language: Language, fallback: string): string {
  const known = code !== undefined ? KNOWN[code] : undefined;
  return known ? known[language] : `Octopush: ${fallback}`;
}

/** Turns an HTTP answer or a network failure into a typed, retry-aware error. */
export function octopushError(status: number | undefined, body: unknown, retryAfterSeconds: number | undefined, language: Language): ProviderError {
  const parsed = (body ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof parsed.code === 'number' ? parsed.code : typeof parsed.code === 'string' && /^\d+$/.test(parsed.code) ? Number(parsed.code) : undefined;
  const raw = typeof parsed.message === 'string' ? parsed.message : status ? `HTTP ${status}` : 'no answer';
  if (status === undefined) {
    return new ProviderError(language === 'fr' ? `Octopush ne répond pas (${raw}).` : `Octopush did not answer (${raw}).`, undefined, undefined, true);
  }
  if (status === 401 || status === 403) {
    return new ProviderError(octopushErrorMessage(101, language, raw), status, code ?? status, false);
  }
  const retryable = status === 429 || status >= 500 || code === 153;
  return new ProviderError(octopushErrorMessage(code, language, raw), status, code, retryable, retryAfterSeconds);
}
