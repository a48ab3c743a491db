import { createHash, randomUUID } from 'node:crypto';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/** A GUID derived from a name, so that platform rows and demo data keep their ids across runs. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`dataverse-emulator:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

let lastMs = 0;
let sequence = 0;

/**
 * A new record id that sorts after every id made before it, as the sequential GUIDs Dataverse
 * assigns do (a UUID version 7: milliseconds, a sequence within the millisecond, random bits).
 * Rows then sit in the store in key order, so that pages in key order read neighbouring rows.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) sequence = 0;
  else if (++sequence > 0xfff) {
    ms = lastMs + 1;
    sequence = 0;
  } else ms = lastMs;
  lastMs = ms;
  const time = ms.toString(16).padStart(12, '0');
  // randomUUID's last 17 characters: the variant and 62 random bits.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${sequence.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}

/** Normalises "{ABC…}" and upper-case GUIDs to Dataverse's lower-case form; undefined if not a GUID. */
export function parseGuid(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = GUID.exec(value.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
