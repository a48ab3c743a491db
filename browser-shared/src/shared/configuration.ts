/**
 * The one `smsc_configuration` row, read without its secured API key (the key is written from the
 * configuration page and read only by the backend, never by the browser), through core's mapping.
 */
import { CONFIGURATION_COLUMNS, readConfiguration, type ConfigurationSettings } from '@smsc/core';
import type { DataPort, WebApiRow } from '../xrm/ports';

export const CONFIGURATION_SET = 'smsc_configuration';
export { CONFIGURATION_COLUMNS };
export type { SendPreferences } from '@smsc/core';

export interface Configuration extends ConfigurationSettings {
  /** The row as read, for the configuration page's fields. */
  row: WebApiRow;
}

export function toConfiguration(row: WebApiRow): Configuration {
  return { ...readConfiguration(row), row };
}

/** The configuration row, or null before an administrator has created it. */
export async function loadConfiguration(data: DataPort): Promise<Configuration | null> {
  const result = await data.retrieveMultipleRecords(CONFIGURATION_SET, `?$select=${CONFIGURATION_COLUMNS.join(',')}&$top=1`);
  const row = result.entities[0];
  return row ? toConfiguration(row) : null;
}
