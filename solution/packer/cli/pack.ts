#!/usr/bin/env node
/**
 * `npm run pack`: regenerates the generated parts of the sources, then writes
 * dist/solution/<Name>.zip and <Name>_managed.zip for the three solutions. The root script runs
 * `npm run build` first so that the injected web resources and PCF controls are fresh.
 */
import { relative } from 'node:path';
import { packAll } from '../build';
import { writeGeneratedSources } from '../generate/write';
import { DIST_DIR, REPOSITORY_ROOT } from '../paths';

try {
  const generated = writeGeneratedSources();
  if (generated.length) console.log(`Regenerated ${generated.length} source file(s) from solution/definitions.`);
  for (const zip of packAll(DIST_DIR)) console.log(`  ${relative(REPOSITORY_ROOT, zip)}`);
} catch (error) {
  console.error(`Packing failed: ${(error as Error).message}`);
  process.exit(1);
}
