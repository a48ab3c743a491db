#!/usr/bin/env node
// Builds the web resources the solution packer injects: dist/smsconnector.js (one minified IIFE
// defining the global `SmsConnector`), dist/configuration.html and dist/images/*.svg.
// esbuild takes @smsc/core from its ES sources (tsconfig `paths`) so that only what the forms use
// is bundled; type checking is `tsc -b`, run before this by the root build.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** esbuild options of the bundle; the bench and the bundle test reuse them. */
export function bundleOptions(overrides = {}) {
  return {
    absWorkingDir: here,
    entryPoints: [join(here, 'src/index.ts')],
    tsconfig: join(here, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    globalName: 'SmsConnector',
    platform: 'browser',
    // Model-driven apps run on current Edge, Chrome, Firefox and Safari.
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    ...overrides,
  };
}

export async function buildWebResources(outdir = join(here, 'dist')) {
  mkdirSync(join(outdir, 'images'), { recursive: true });
  await build(bundleOptions({ outfile: join(outdir, 'smsconnector.js') }));
  copyFileSync(join(here, 'src/pages/configuration.html'), join(outdir, 'configuration.html'));
  for (const image of readdirSync(join(here, 'src/images'))) copyFileSync(join(here, 'src/images', image), join(outdir, 'images', image));
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdir = process.argv[2] ?? join(here, 'dist');
  await buildWebResources(outdir);
}
