/** Deterministic zips (fixed timestamps, Deflate, no directory entries, forward slashes), as platform exports. */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { FileMap } from './files';

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

export function writeZip(entries: Array<[string, Uint8Array]>): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, bytes] of entries) zippable[path] = [bytes, { level: 6, mtime: FIXED_DATE }];
  return zipSync(zippable);
}

export function readZip(bytes: Uint8Array): FileMap {
  const files: FileMap = new Map();
  for (const [path, content] of Object.entries(unzipSync(bytes))) if (!path.endsWith('/')) files.set(path, content);
  return files;
}
