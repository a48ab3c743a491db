#!/usr/bin/env node
/** `npm run unpack -- <zip> [<folder>]`: writes the zip back in SolutionPackager's layout (default dist/unpacked/<UniqueName>/src). */
import { readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { writeTree } from '../files';
import { DIST_DIR, REPOSITORY_ROOT } from '../paths';
import { unpackSolution } from '../unpack';
import { readZip } from '../zip';

const [zipPath, folder] = process.argv.slice(2);
// npm runs scripts from the repository root; paths on the command line are the caller's.
const callerDir = process.env.INIT_CWD ?? process.cwd();
if (!zipPath) {
  console.error('Usage: npm run unpack -- <solution.zip> [<output folder>]');
  process.exit(2);
}
try {
  const files = unpackSolution(readZip(readFileSync(resolve(callerDir, zipPath))));
  const target = folder ? resolve(callerDir, folder) : join(DIST_DIR, '..', 'unpacked', basename(zipPath, '.zip'), 'src');
  writeTree(target, files);
  console.log(`Unpacked ${files.size} file(s) into ${relative(REPOSITORY_ROOT, target) || '.'}`);
} catch (error) {
  console.error(`Unpacking failed: ${(error as Error).message}`);
  process.exit(1);
}
