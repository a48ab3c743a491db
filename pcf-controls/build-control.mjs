#!/usr/bin/env node
// `npm run build` of each PCF control: pcf-scripts in production mode (esbuild, per the control's
// featureconfig.json) with pcf-scripts' telemetry turned off, so that builds never wait on the
// network (CI and offline machines) and send nothing.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('pcf-scripts/bin/pcf-scripts.js');
const result = spawnSync(process.execPath, [cli, 'build', '--buildMode', 'production'], {
  cwd: process.cwd(),
  stdio: 'inherit',
  env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
});
process.exit(result.status ?? 1);
