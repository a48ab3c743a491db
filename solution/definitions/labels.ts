/** Every user-visible text of the solution in English (1033) and French (1036); Hebrew (1037) where written. */
export interface Label {
  en: string;
  fr: string;
  he?: string;
}

export const LANGUAGES = { en: 1033, fr: 1036, he: 1037 } as const;
export const REQUIRED_LANGUAGES = [1033, 1036] as const;

export const label = (en: string, fr: string, he?: string): Label => (he === undefined ? { en, fr } : { en, fr, he });

/** Language code / text pairs of a label, English first. */
export function localized(value: Label): Array<[number, string]> {
  const pairs: Array<[number, string]> = [
    [LANGUAGES.en, value.en],
    [LANGUAGES.fr, value.fr],
  ];
  if (value.he !== undefined) pairs.push([LANGUAGES.he, value.he]);
  return pairs;
}
