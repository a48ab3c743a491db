// Sizes of what the browser downloads, minified and gzip-compressed, against the goals (form
// bundle < 60 KB, each PCF control < 120 KB) and against a naive build of the same entry that
// takes @smsc/core as its compiled CommonJS (no tree shaking: every part of core, phone metadata
// included). Controls are measured as pcf-scripts built them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleOptions } from '../build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const KB = 1024;

/** Resolves @smsc/core to its tsc output, as a bundler without our tsconfig paths would. */
const coreAsCommonJs = {
  name: 'core-as-commonjs',
  setup(b) {
    b.onResolve({ filter: /^@smsc\/core$/ }, () => ({ path: join(root, 'core', 'dist', 'index.js') }));
  },
};

const sizes = (bytes) => ({ minBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });

async function naive(entry, tsconfig, extra = {}) {
  const result = await build({ entryPoints: [entry], tsconfig, bundle: true, format: 'iife', minify: true, write: false, platform: 'browser', target: ['es2020'], plugins: [coreAsCommonJs], logLevel: 'silent', ...extra });
  return sizes(result.outputFiles[0].contents);
}

function line(measure, ours, baseline, goalKb) {
  console.log(
    JSON.stringify({
      bench: 'bundle-size',
      measure,
      minBytes: ours.minBytes,
      gzipBytes: ours.gzipBytes,
      goalGzipBytes: goalKb * KB,
      withinGoal: ours.gzipBytes < goalKb * KB,
      naiveGzipBytes: baseline.gzipBytes,
      ratioToNaive: Number((ours.gzipBytes / baseline.gzipBytes).toFixed(2)),
    }),
  );
}

const formBundle = await build(bundleOptions({ write: false, outfile: 'smsconnector.js' }));
line('webresources/smsconnector.js', sizes(formBundle.outputFiles[0].contents), await naive(join(root, 'webresources', 'src', 'index.ts'), join(root, 'webresources', 'tsconfig.json'), { globalName: 'SmsConnector' }), 60);

for (const control of ['SmsComposer', 'PhoneNumber']) {
  const project = join(root, 'pcf-controls', control);
  const bundle = join(project, 'out', 'controls', control, 'bundle.js');
  if (!existsSync(bundle)) execFileSync(process.execPath, [join(root, 'pcf-controls', 'build-control.mjs')], { cwd: project, stdio: 'ignore' });
  line(`pcf-controls/${control}/bundle.js`, sizes(readFileSync(bundle)), await naive(join(project, control, 'index.ts'), join(project, 'tsconfig.json')), 120);
}
