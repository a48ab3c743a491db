/** A solution source or zip as a map of forward-slash relative paths to bytes. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export type FileMap = Map<string, Uint8Array>;

export function readTree(root: string): FileMap {
  const files: FileMap = new Map();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) visit(full);
      else files.set(relative(root, full).split(sep).join('/'), readFileSync(full));
    }
  };
  if (existsSync(root)) visit(root);
  return files;
}

export function writeTree(root: string, files: FileMap): void {
  for (const [path, bytes] of files) {
    const target = join(root, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

export const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
export const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');
