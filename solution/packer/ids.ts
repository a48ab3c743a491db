/**
 * Stable component ids: UUID version 5 (RFC 4122, SHA-1) of a readable key such as
 * `form:smsc_sms:main`, so that every build, and every upgrade of an installed solution, reuses
 * the same ids instead of creating duplicates.
 */
import { createHash } from 'node:crypto';

/** Namespace of this product's component ids: chosen once, never to change (changing it would re-create every component). */
export const ID_NAMESPACE = 'e0bd2c6c-7a52-5b3e-9d3f-2f3b5b7d5a10';

export function stableId(...parts: string[]): string {
  return uuidV5(ID_NAMESPACE, parts.join(':'));
}

export function uuidV5(namespaceId: string, name: string): string {
  const namespace = Buffer.from(namespaceId.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const braced = (id: string): string => `{${id}}`;
