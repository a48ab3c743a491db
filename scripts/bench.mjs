#!/usr/bin/env node
// `npm run bench`: runs every `<workspace>/bench/*.bench.mjs` in its own process (so that each
// peak RSS is its own) and passes their JSON lines through. Goals are reported, never asserted.
import { readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const files = [];
for (const entry of readdirSync(root, { withFileTypes: true })) {
  const benchDir = join(root, entry.name, 'bench');
  if (!entry.isDirectory() || entry.name === 'node_modules' || !existsSync(benchDir)) continue;
  for (const file of readdirSync(benchDir).sort()) {
    if (file.endsWith('.bench.mjs') && (only.length === 0 || only.some((o) => `${entry.name}/${file}`.includes(o)))) files.push(join(benchDir, file));
  }
}
let failed = 0;
for (const file of files) {
  const result = spawnSync(process.execPath, ['--expose-gc', file], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: file.slice(root.length + 1), error: `exited with ${result.status ?? result.signal}` }));
  }
}
process.exit(failed ? 1 : 0);
