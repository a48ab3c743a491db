import { message } from '../i18n/messages';
import { toLanguage } from '../i18n/language';
import type { MergeValue, RenderOptions } from './types';

/**
 * Intl puts narrow and ordinary no-break spaces in French numbers ("1 234,50 €"); neither is in
 * GSM-7, so one formatted amount would switch the whole SMS to UCS-2. Plain spaces keep it GSM-7.
 */
const NON_GSM_SPACES = /[\u00a0\u202f\u2009]/g;

/** The formatters of one locale, made on first use and kept (they are costly to create). */
interface LocaleFormatters {
  number?: Intl.NumberFormat;
  amount?: Intl.NumberFormat;
  date?: Intl.DateTimeFormat;
  money: Map<string, Intl.NumberFormat>;
  dateTime: Map<string, Intl.DateTimeFormat>;
}

const byLocale = new Map<string, LocaleFormatters>();

function formattersOf(locale: string): LocaleFormatters {
  let f = byLocale.get(locale);
  if (!f) {
    f = { money: new Map(), dateTime: new Map() };
    byLocale.set(locale, f);
  }
  return f;
}

function keep<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function withPlainSpaces(text: string): string {
  return text.indexOf('\u00a0') < 0 && text.indexOf('\u202f') < 0 && text.indexOf('\u2009') < 0 ? text : text.replace(NON_GSM_SPACES, ' ');
}

/** The text a merge field becomes; '' for an empty value. */
export function formatMergeValue(value: MergeValue, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'en-US';
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const f = formattersOf(locale);
    f.number ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    return withPlainSpaces(f.number.format(value));
  }
  if (typeof value === 'boolean') return message(value ? 'value.yes' : 'value.no', toLanguage(locale));
  if (value instanceof Date) {
    const timeZone = options.timeZone ?? 'UTC';
    const f = keep(formattersOf(locale).dateTime, timeZone, () =>
      new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }),
    );
    return withPlainSpaces(f.format(value));
  }
  switch (value.kind) {
    case 'money': {
      const currency = value.currency ?? options.currency;
      const formatters = formattersOf(locale);
      const f = currency
        ? keep(formatters.money, currency, () => new Intl.NumberFormat(locale, { style: 'currency', currency }))
        : (formatters.amount ??= new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
      return withPlainSpaces(f.format(value.amount));
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
      const formatters = formattersOf(locale);
      formatters.date ??= new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
      return formatters.date.format(day);
    }
  }
}

export function isEmptyMergeValue(value: MergeValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'object' && !(value instanceof Date) && value.kind === 'lookup') return !value.name;
  return false;
}
