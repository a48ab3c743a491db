#!/usr/bin/env node
// `npm run build`: type-checks and compiles every TypeScript workspace (tsc -b, incremental), then
// runs each workspace's own `build` script (bundles, PCF controls, solution pack) where it has one.
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

function run(command, args, label) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`${label} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

run(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.json'], 'tsc -b');
run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--workspaces', '--if-present', '--silent'], 'workspace builds');
