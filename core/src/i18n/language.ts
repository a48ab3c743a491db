/** Languages the product speaks to users; anything else falls back to English. */
export type Language = 'en' | 'fr';

export const SUPPORTED_LANGUAGES: readonly Language[] = ['en', 'fr'];

const LCID_LANGUAGES: Record<number, Language> = { 1033: 'en', 2057: 'en', 1036: 'fr', 3084: 'fr', 2060: 'fr', 4108: 'fr' };

/** Maps a Dataverse language code (usersettings.uilanguageid) or a BCP 47 tag to a product language. */
export function toLanguage(lcidOrTag: number | string | null | undefined): Language {
  if (typeof lcidOrTag === 'number') return LCID_LANGUAGES[lcidOrTag] ?? 'en';
  const primary = (lcidOrTag ?? '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}

/** Fills `{name}` placeholders; a missing parameter is left visible rather than blanked. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
