/** The one place the solutions' version comes from: `solutionVersion` in solution/package.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOLUTION_WORKSPACE } from './paths';

export function solutionVersion(): string {
  const manifest = JSON.parse(readFileSync(join(SOLUTION_WORKSPACE, 'package.json'), 'utf8')) as { solutionVersion?: string };
  const version = manifest.solutionVersion;
  if (!version || !/^\d+\.\d+\.\d+\.\d+$/.test(version)) throw new Error(`solution/package.json: "solutionVersion" must be a four-part version such as 1.0.0.0 (found ${JSON.stringify(version)})`);
  return version;
}
