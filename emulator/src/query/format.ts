/**
 * Formatted values (`@OData.Community.Display.V1.FormattedValue`) as Dataverse renders them for
 * an en-US user in UTC: option labels, "$1,234.50", "11/22/2025 10:09 AM", "1,234".
 */
import { AttributeDef } from '../metadata/model';

const LANGUAGE = 1033;

export function optionLabel(a: AttributeDef, value: unknown): string | undefined {
  if (a.type === 'Boolean') {
    const option = a.options?.find((o) => o.value === (value ? 1 : 0));
    return option?.label[LANGUAGE] ?? (value ? 'Yes' : 'No');
  }
  if (a.type === 'MultiSelectPicklist') {
    return String(value)
      .split(',')
      .map((v) => a.options?.find((o) => o.value === Number(v))?.label[LANGUAGE] ?? v)
      .join('; ');
  }
  return a.options?.find((o) => o.value === value)?.label[LANGUAGE];
}

const number = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatValue(a: AttributeDef, value: unknown, currencySymbol: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (a.type) {
    case 'Picklist':
    case 'State':
    case 'Status':
    case 'Boolean':
    case 'MultiSelectPicklist':
      return optionLabel(a, value);
    case 'Money':
      return `${Number(value) < 0 ? '-' : ''}${currencySymbol}${number(a.precision ?? 2).format(Math.abs(Number(value)))}`;
    case 'Integer':
    case 'BigInt':
      return number(0).format(Number(value));
    case 'Decimal':
      return number(a.precision ?? 2).format(Number(value));
    case 'Double':
      return number(a.precision ?? 2).format(Number(value));
    case 'DateTime': {
      const text = String(value);
      if (a.dateOnly) {
        const [y, m, d] = text.slice(0, 10).split('-').map(Number);
        return `${m}/${d}/${y}`;
      }
      const date = new Date(text);
      const h = date.getUTCHours();
      const minutes = String(date.getUTCMinutes()).padStart(2, '0');
      return `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${minutes} ${h < 12 ? 'AM' : 'PM'}`;
    }
    default:
      return undefined;
  }
}

/** A matcher over the annotation names a client asked for ("*" and "prefix.*" allowed). */
export function annotationMatcher(wanted: string[]): (annotation: string) => boolean {
  return (annotation) => wanted.some((w) => w === '*' || w === annotation || (w.endsWith('*') && annotation.startsWith(w.slice(0, -1))));
}
