import { message } from '../i18n/messages';
import { toLanguage } from '../i18n/language';
import type { MergeValue, RenderOptions } from './types';

/**
 * Intl puts narrow and ordinary no-break spaces in French numbers ("1 234,50 €"); neither is in
 * GSM-7, so one formatted amount would switch the whole SMS to UCS-2. Plain spaces keep it GSM-7.
 */
const NON_GSM_SPACES = /[\u00a0\u202f\u2009]/g;

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** The text a merge field becomes; '' for an empty value. */
export function formatMergeValue(value: MergeValue, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'en-US';
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const f = cached(`n|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
    return f.format(value).replace(NON_GSM_SPACES, ' ');
  }
  if (typeof value === 'boolean') return message(value ? 'value.yes' : 'value.no', toLanguage(locale));
  if (value instanceof Date) {
    const timeZone = options.timeZone ?? 'UTC';
    const f = cached(`dt|${locale}|${timeZone}`, () =>
      new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
    );
    return f.format(value).replace(NON_GSM_SPACES, ' ');
  }
  switch (value.kind) {
    case 'money': {
      const currency = value.currency ?? options.currency;
      const f = currency
        ? cached(`m|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }))
        : cached(`m2|${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
      return f.format(value.amount).replace(NON_GSM_SPACES, ' ');
    }
    case 'choice':
      return Array.isArray(value.label) ? value.label.join(', ') : value.label;
    case 'lookup':
      return value.name ?? '';
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.value);
      if (!match) return value.value;
      // Noon UTC formatted in UTC: the calendar day never shifts, whatever the zone.
      const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
      const f = cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }));
      return f.format(day);
    }
  }
}

export function isEmptyMergeValue(value: MergeValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object' && !(value instanceof Date) && value.kind === 'lookup') return !value.name;
  return false;
}
