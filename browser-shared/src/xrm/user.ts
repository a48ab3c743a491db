import { toLanguage, type Language } from '@smsc/core';
import type { UserInfo } from './ports';

const LOCALES: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

/** Roles that may run campaigns and change the configuration, by name (role names are not translated). */
export const MARKETER_ROLES = ['SMS Marketer', 'SMS Administrator', 'System Administrator'];
export const ADMINISTRATOR_ROLES = ['SMS Administrator', 'System Administrator'];

export function userInfo(languageId: number | undefined, roleNames: string[]): UserInfo {
  const language = toLanguage(languageId);
  return { language, locale: LOCALES[language], roleNames };
}

/** What this code reads of `Xrm.Utility.getGlobalContext().userSettings` (roles is a collection of lookups since v9.1). */
export interface UserSettingsLike {
  languageId?: number;
  roles?: { forEach(callback: (role: { name?: string }) => void): void };
}

export function userFromSettings(settings: UserSettingsLike): UserInfo {
  const roleNames: string[] = [];
  settings.roles?.forEach((role) => {
    if (role.name) roleNames.push(role.name);
  });
  return userInfo(settings.languageId, roleNames);
}

export function hasAnyRole(user: UserInfo, roles: readonly string[]): boolean {
  const wanted = roles.map((r) => r.toLowerCase());
  return user.roleNames.some((name) => wanted.includes(name.toLowerCase()));
}
