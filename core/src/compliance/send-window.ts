import { frenchPublicHolidays } from './holidays';
import { addDays, fromWallClock, isoDate, wallClock } from './zoned-time';

export type SmsPurpose = 'marketing' | 'transactional';

export interface SendWindow {
  /** ISO weekdays on which sending is allowed: 1 Monday … 7 Sunday. */
  days: readonly number[];
  /** 'HH:MM', inclusive. */
  start: string;
  /** 'HH:MM', exclusive. */
  end: string;
  /** IANA zone the window is read in. */
  timeZone: string;
  /** Public holidays of a year (YYYY-MM-DD); sending is not allowed on them. */
  holidays: (year: number) => readonly string[];
}

/**
 * France: commercial SMS Monday to Saturday 08:00–20:00 Paris time, never on public holidays
 * (CNIL / af2m practice; the 2024 af2m charter allows until 22:00, set `end` for that).
 */
export const FRENCH_MARKETING_WINDOW: SendWindow = {
  days: [1, 2, 3, 4, 5, 6],
  start: '08:00',
  end: '20:00',
  timeZone: 'Europe/Paris',
  holidays: (year) => frenchPublicHolidays(year).map((h) => h.date),
};

/** Countries whose marketing SMS the product holds to a window by default. */
export const DEFAULT_MARKETING_WINDOWS: Readonly<Record<string, SendWindow>> = { FR: FRENCH_MARKETING_WINDOW };

export interface SendTimeOptions {
  purpose: SmsPurpose;
  /** Recipient's country (ISO alpha-2), from its number. */
  country?: string | undefined;
  /** Overrides the window's zone. */
  timeZone?: string;
  /** Extra dates (YYYY-MM-DD) on which not to send, on top of the country's holidays. */
  holidays?: readonly string[];
  /** Replaces parts of the country's window, e.g. `{ end: '22:00' }`. */
  window?: Partial<SendWindow>;
  /** Windows per country; defaults to France's. */
  windows?: Readonly<Record<string, SendWindow>>;
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`Send window time "${hhmm}" is not HH:MM.`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The window that applies to a send, or null when it may go at any time. */
export function sendWindowFor(options: SendTimeOptions): SendWindow | null {
  if (options.purpose !== 'marketing') return null;
  const base = (options.windows ?? DEFAULT_MARKETING_WINDOWS)[(options.country ?? '').toUpperCase()];
  if (!base && !options.window) return null;
  const merged: SendWindow = { ...(base ?? FRENCH_MARKETING_WINDOW), ...options.window };
  if (options.timeZone) merged.timeZone = options.timeZone;
  const extra = options.holidays;
  if (extra && extra.length > 0) {
    const own = merged.holidays;
    merged.holidays = (year) => [...own(year), ...extra];
  }
  return merged;
}

/**
 * The earliest instant at or after `date` when an SMS of this purpose may be sent to this country:
 * `date` itself when allowed now, else the next opening of the window. Transactional SMS are
 * always allowed.
 */
export function nextAllowedSendTime(date: Date, options: SendTimeOptions): Date {
  const sendWindow = sendWindowFor(options);
  if (!sendWindow) return date;
  const start = minutesOf(sendWindow.start);
  const end = minutesOf(sendWindow.end);
  if (end <= start || sendWindow.days.length === 0) throw new RangeError('The send window is empty.');
  const now = wallClock(date, sendWindow.timeZone);
  const holidayCache = new Map<number, ReadonlySet<string>>();
  const isHoliday = (y: number, m: number, d: number) => {
    let set = holidayCache.get(y);
    if (!set) {
      set = new Set(sendWindow.holidays(y));
      holidayCache.set(y, set);
    }
    return set.has(isoDate(y, m, d));
  };
  const nowMinutes = now.hour * 60 + now.minute + (now.second > 0 || date.getMilliseconds() > 0 ? 1 / 60 : 0);
  // A year holds at most a few holidays in a row; 30 days always reaches an open day.
  for (let offset = 0; offset < 30; offset++) {
    const day = addDays(now.year, now.month, now.day, offset);
    if (!sendWindow.days.includes(day.weekday) || isHoliday(day.year, day.month, day.day)) continue;
    if (offset === 0) {
      if (nowMinutes < start) return fromWallClock(day.year, day.month, day.day, Math.floor(start / 60), start % 60, sendWindow.timeZone);
      if (nowMinutes < end) return date;
      continue;
    }
    return fromWallClock(day.year, day.month, day.day, Math.floor(start / 60), start % 60, sendWindow.timeZone);
  }
  throw new RangeError('No allowed send time within 30 days: check the send window.');
}

export function isSendTimeAllowed(date: Date, options: SendTimeOptions): boolean {
  return nextAllowedSendTime(date, options).getTime() === date.getTime();
}
