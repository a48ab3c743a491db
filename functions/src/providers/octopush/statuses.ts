import type { DeliveryState } from '../types';

/**
 * Octopush delivery-report statuses mapped to ours. Final failures become Failed; reports that
 * say nothing final (acknowledged, unknown, processed) keep the SMS Submitted. The raw status is
 * always kept on the SMS as well.
 */
const MAP: Record<string, DeliveryState> = {
  ACK: 'Submitted',
  PROCESSED: 'Submitted',
  UNKNOWN_DELIVERY: 'Submitted',
  UNDEFINED: 'Submitted',
  DELIVERED: 'Delivered',
  READ: 'Delivered',
  NOT_DELIVERED: 'Failed',
  NOT_ALLOWED: 'Failed',
  BAD_DESTINATION: 'Failed',
  BLACKLISTED_NUMBER: 'Failed',
};

export function octopushDeliveryState(status: string): DeliveryState {
  return MAP[status.trim().toUpperCase()] ?? 'Submitted';
}

/** The recipient opted out at Octopush: record it as an opt-out on our side too. */
export function meansOptOut(status: string): boolean {
  return status.trim().toUpperCase() === 'BLACKLISTED_NUMBER';
}

const EXPLANATIONS: Record<string, { en: string; fr: string }> = {
  NOT_DELIVERED: { en: 'The operator could not deliver the SMS (phone off or unreachable too long).', fr: "L'opérateur n'a pas pu remettre le SMS (téléphone éteint ou injoignable trop longtemps)." },
  NOT_ALLOWED: { en: 'The operator refused the SMS for this number.', fr: "L'opérateur a refusé le SMS pour ce numéro." },
  BAD_DESTINATION: { en: 'The number does not exist or cannot receive SMS.', fr: "Le numéro n'existe pas ou ne peut pas recevoir de SMS." },
  BLACKLISTED_NUMBER: { en: 'The recipient has opted out (STOP) at the provider.', fr: 'Le destinataire s\'est désinscrit (STOP) chez le fournisseur.' },
};

export function explainDeliveryStatus(status: string, language: 'en' | 'fr'): string | undefined {
  return EXPLANATIONS[status.trim().toUpperCase()]?.[language];
}
