import type { DynamicsWebApi } from 'dynamics-web-api';
import { toLanguage, type Language } from '@smsc/core';
import { dataverse } from './web-api';
import { SETS } from './schema';

/**
 * The language a user reads messages in (usersettings.uilanguageid), falling back to the
 * organisation's base language. Cached: it rarely changes.
 */
export class UserLanguage {
  private readonly cache = new Map<string, Language>();
  private organisation: Language | undefined;

  constructor(private readonly api: DynamicsWebApi) {}

  async of(userId: string | undefined): Promise<Language> {
    if (userId) {
      const known = this.cache.get(userId);
      if (known) return known;
      try {
        const row = await dataverse(`Reading the language of user ${userId}`, () =>
          this.api.retrieve<{ uilanguageid?: number }>({ collection: SETS.userSettings, key: userId, select: ['uilanguageid'] }),
        );
        if (row.uilanguageid) {
          const language = toLanguage(row.uilanguageid);
          this.cache.set(userId, language);
          return language;
        }
      } catch {
        // No user settings readable: use the organisation's language.
      }
    }
    return this.organisationLanguage();
  }

  private async organisationLanguage(): Promise<Language> {
    if (this.organisation) return this.organisation;
    try {
      const response = await dataverse('Reading the organisation language', () => this.api.retrieveMultiple<{ languagecode?: number }>({ collection: 'organizations', select: ['languagecode'], top: 1 }));
      this.organisation = toLanguage(response.value[0]?.languagecode ?? 1033);
    } catch {
      this.organisation = 'en';
    }
    return this.organisation;
  }
}
