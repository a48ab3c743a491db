import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

const coreRoot = join(__dirname, '..');
const srcRoot = join(coreRoot, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('the core stays pure', () => {
  test('imports only its own files and libphonenumber-js', () => {
    const offenders: string[] = [];
    for (const file of sources(srcRoot)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/from\s+'([^']+)'|require\(\s*'([^']+)'\s*\)|import\(\s*'([^']+)'\s*\)/g)) {
        const spec = match[1] ?? match[2] ?? match[3] ?? '';
        if (spec.startsWith('.') || spec.startsWith('libphonenumber-js/')) continue;
        offenders.push(`${relative(coreRoot, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('type-checks with the ES2022 library alone: no DOM, Node or Xrm globals', () => {
    // Any use of window, document, process, Buffer, Xrm… is a compile error under these settings.
    const tsc = require.resolve('typescript/bin/tsc');
    const args = [tsc, '-p', join(coreRoot, 'tsconfig.json'), '--noEmit', '--composite', 'false', '--incremental', 'false', '--declaration', 'false', '--declarationMap', 'false'];
    expect(() => execFileSync(process.execPath, args, { encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  test('the tsconfig compiles it without DOM or Node type libraries', () => {
    const config = JSON.parse(readFileSync(join(coreRoot, 'tsconfig.json'), 'utf8'));
    expect(config.compilerOptions.types).toEqual([]);
    const base = JSON.parse(readFileSync(join(coreRoot, '..', 'tsconfig.base.json'), 'utf8'));
    expect(base.compilerOptions.lib).toEqual(['ES2022']);
    expect(base.compilerOptions.strict).toBe(true);
    expect(base.compilerOptions.noUncheckedIndexedAccess).toBe(true);
  });

  test('the built package imports from a plain ES module as @smsc/core', () => {
    const built = join(coreRoot, 'dist', 'index.js');
    if (!existsSync(built)) throw new Error('core/dist is missing: run `npm run build` (npm test builds it first).');
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "import { analyzeSms, normalizePhone } from '@smsc/core'; console.log(JSON.stringify([analyzeSms('Hé').segments, normalizePhone('0649819006', { defaultCountry: 'FR' }).e164]))"],
      { cwd: join(coreRoot, '..'), encoding: 'utf8' },
    );
    expect(JSON.parse(out)).toEqual([1, '+33649819006']);
  });
});
