#!/usr/bin/env node
// First-run helper behind `npm start`, `npm test` and `npm run bench`: installs dependencies when
// node_modules is missing or older than the lockfile and manifests, then builds. Dependency-free
// on purpose: it runs before anything is installed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.smsc-install-hash');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`Node.js 20 or later is required (this is ${process.versions.node}).`);
  process.exit(1);
}

function manifests() {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = ['package.json', 'package-lock.json'];
  for (const pattern of rootManifest.workspaces ?? []) {
    const parent = pattern.slice(0, -2);
    const dirs = !pattern.endsWith('/*')
      ? [pattern]
      : existsSync(join(root, parent))
        ? readdirSync(join(root, parent), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${parent}/${d.name}`)
        : [];
    for (const dir of dirs) if (existsSync(join(root, dir, 'package.json'))) files.push(`${dir}/package.json`);
  }
  return files;
}

function installHash() {
  const hash = createHash('sha256');
  for (const file of manifests()) {
    const path = join(root, file);
    hash.update(file + '\0' + (existsSync(path) ? readFileSync(path) : '') + '\0');
  }
  return hash.digest('hex');
}

function run(command, args, label) {
  console.log(`> ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`${label} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const wanted = installHash();
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
if (!existsSync(join(root, 'node_modules')) || current !== wanted) {
  const hasLock = existsSync(join(root, 'package-lock.json'));
  run(npm, hasLock ? ['ci', '--no-audit', '--no-fund'] : ['install', '--no-audit', '--no-fund'], hasLock ? 'npm ci (first run or dependencies changed)' : 'npm install');
  writeFileSync(marker, installHash() + '\n');
}

if (!process.argv.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs')], 'build');
