/**
 * Formatted values (`@OData.Community.Display.V1.FormattedValue`) as Dataverse renders them for
 * an en-US user in UTC: option labels, "$1,234.50", "11/22/2025 10:09 AM", "1,234".
 */
import { AttributeDef } from '../metadata/model';

const LANGUAGE = 1033;

const numberFormats = new Map<number, Intl.NumberFormat>();

/** One Intl.NumberFormat per precision: building one costs far more than formatting with it. */
function number(digits: number): Intl.NumberFormat {
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format;
}

export type Formatter = (value: unknown, currencySymbol: string) => string | undefined;

const NONE: Formatter = () => undefined;

function labelsOf(a: AttributeDef): Map<number, string | undefined> {
  return new Map((a.options ?? []).map((o) => [o.value, o.label[LANGUAGE]]));
}

/** Dates are stored as "YYYY-MM-DDTHH:MM:SSZ" (UTC): read by position, without a Date. */
const STORED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function formatDateTime(value: unknown): string {
  const text = String(value);
  let y: number, m: number, d: number, h: number, minutes: string;
  if (STORED_DATE_TIME.test(text)) {
    [y, m, d, h, minutes] = [+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10), +text.slice(11, 13), text.slice(14, 16)];
  } else {
    const date = new Date(text);
    [y, m, d, h, minutes] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), String(date.getUTCMinutes()).padStart(2, '0')];
  }
  return `${m}/${d}/${y} ${h % 12 === 0 ? 12 : h % 12}:${minutes} ${h < 12 ? 'AM' : 'PM'}`;
}

function formatDateOnly(value: unknown): string {
  const text = String(value);
  return `${+text.slice(5, 7)}/${+text.slice(8, 10)}/${+text.slice(0, 4)}`;
}

/**
 * The formatted-value function of one column, with its option labels and number format resolved
 * once, so that formatting a row does no metadata lookup. Values are the stored ones (booleans may
 * be 0/1 as SQLite keeps them); null gives undefined.
 */
export function formatterFor(a: AttributeDef): Formatter {
  switch (a.type) {
    case 'Picklist':
    case 'State':
    case 'Status': {
      const labels = labelsOf(a);
      return (value) => (value === null || value === undefined ? undefined : labels.get(value as number));
    }
    case 'Boolean': {
      const labels = labelsOf(a);
      const yes = labels.get(1) ?? 'Yes';
      const no = labels.get(0) ?? 'No';
      return (value) => (value === null || value === undefined ? undefined : value ? yes : no);
    }
    case 'MultiSelectPicklist': {
      const labels = labelsOf(a);
      return (value) =>
        value === null || value === undefined
          ? undefined
          : String(value)
              .split(',')
              .map((v) => labels.get(Number(v)) ?? v)
              .join('; ');
    }
    case 'Money': {
      const format = number(a.precision ?? 2);
      return (value, symbol) => (value === null || value === undefined ? undefined : `${Number(value) < 0 ? '-' : ''}${symbol}${format.format(Math.abs(Number(value)))}`);
    }
    case 'Integer':
    case 'BigInt':
    case 'Decimal':
    case 'Double': {
      const format = number(a.type === 'Integer' || a.type === 'BigInt' ? 0 : (a.precision ?? 2));
      return (value) => (value === null || value === undefined ? undefined : format.format(Number(value)));
    }
    case 'DateTime': {
      const format = a.dateOnly ? formatDateOnly : formatDateTime;
      return (value) => (value === null || value === undefined ? undefined : format(value));
    }
    default:
      return NONE;
  }
}

/** A matcher over the annotation names a client asked for ("*" and "prefix.*" allowed). */
export function annotationMatcher(wanted: string[]): (annotation: string) => boolean {
  return (annotation) => wanted.some((w) => w === '*' || w === annotation || (w.endsWith('*') && annotation.startsWith(w.slice(0, -1))));
}
