/**
 * Conversions between Web API JSON values and stored values, with the validation Dataverse
 * applies (length, option values, types). Dates are stored as UTC "YYYY-MM-DDTHH:MM:SSZ", the form
 * Dataverse returns; date-only columns as "YYYY-MM-DD".
 */
import { errors } from '../http/errors';
import { AttributeDef, TableDef } from '../metadata/model';
import { parseGuid } from '../util/ids';

export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function normalizeDate(value: unknown, dateOnly: boolean | undefined, where: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw errors.badQuery(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.DateTimeOffset' for ${where}.`);
  }
  if (dateOnly) return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : isoSeconds(new Date(value)).slice(0, 10);
  return isoSeconds(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));
}

/** Validates and converts one attribute value of a create/update payload. */
export function toStored(table: TableDef, a: AttributeDef, value: unknown): unknown {
  if (value === null) return null;
  const where = `'${a.logicalName}' of '${table.logicalName}'`;
  const wrongType = (expected: string) => errors.badQuery(`Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${expected}' for the property ${where}.`);
  switch (a.type) {
    case 'String':
    case 'Memo':
    case 'EntityName': {
      if (typeof value !== 'string') throw wrongType('Edm.String');
      if (a.maxLength && value.length > a.maxLength) throw errors.validation(`The length of the '${a.logicalName}' attribute of the '${table.logicalName}' entity exceeded the maximum allowed length of '${a.maxLength}'.`);
      return value;
    }
    case 'Integer':
    case 'BigInt':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType('Edm.Int32');
      if (a.minValue !== undefined && value < a.minValue) throw errors.validation(`The value ${value} of '${a.logicalName}' on record of type '${table.logicalName}' is outside the valid range.`);
      if (a.maxValue !== undefined && value > a.maxValue) throw errors.validation(`The value ${value} of '${a.logicalName}' on record of type '${table.logicalName}' is outside the valid range.`);
      return value;
    case 'Picklist':
    case 'State':
    case 'Status':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType('Edm.Int32');
      if (a.options && !a.options.some((o) => o.value === value)) throw errors.validation(`The value ${value} of '${a.logicalName}' on record of type '${table.logicalName}' is outside the valid range. Accepted Values: ${a.options.map((o) => o.value).join(',')}`);
      return value;
    case 'MultiSelectPicklist': {
      if (typeof value !== 'string') throw wrongType('Edm.String');
      const values = value.split(',').filter(Boolean).map(Number);
      for (const v of values) if (a.options && !a.options.some((o) => o.value === v)) throw errors.validation(`The value ${v} of '${a.logicalName}' on record of type '${table.logicalName}' is outside the valid range.`);
      return values.join(',');
    }
    case 'Decimal':
    case 'Double':
    case 'Money':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('Edm.Decimal');
      return a.type === 'Double' ? value : Number(value.toFixed(a.precision ?? 2));
    case 'Boolean':
      if (typeof value !== 'boolean') throw wrongType('Edm.Boolean');
      return value;
    case 'DateTime':
      return normalizeDate(value, a.dateOnly, where);
    case 'Uniqueidentifier': {
      const g = parseGuid(value);
      if (!g) throw wrongType('Edm.Guid');
      return g;
    }
    default:
      throw errors.badQuery(`The property ${where} cannot be set.`);
  }
}

/** The stored value as the Web API returns it. */
export function toJson(a: AttributeDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (a.type === 'MultiSelectPicklist') return String(value);
  return value;
}
