/**
 * The configuration's preferences for a send (the guide's "Préférences": for single sends and for
 * campaigns): whether users may choose the SMS type and a custom sender, and the defaults.
 */
export type SmsTypeName = 'Marketing' | 'Transactional';

export interface SendPreferences {
  allowTypeChoice: boolean;
  defaultType: SmsTypeName;
  allowCustomSender: boolean;
  defaultSender: string | null;
}

export interface SendOptions {
  type: SmsTypeName;
  /** null: the provider account's default sender. */
  sender: string | null;
}

/** What is sent: the user's choice where the preferences allow one, else the defaults. */
export function applySendPreferences(preferences: SendPreferences, requested: { type?: SmsTypeName | null; sender?: string | null }): SendOptions {
  const type = preferences.allowTypeChoice && requested.type ? requested.type : preferences.defaultType;
  const custom = requested.sender?.trim();
  const sender = preferences.allowCustomSender && custom ? custom : preferences.defaultSender?.trim() || null;
  return { type, sender };
}

/** Alphanumeric senders: 3 to 11 letters or digits, no accents, spaces or punctuation (GSM rules). */
export function isValidSender(sender: string): boolean {
  return /^[A-Za-z0-9]{3,11}$/.test(sender) && /[A-Za-z]/.test(sender);
}
