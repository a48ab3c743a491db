/** Writes the generated parts into each solution's source folder, replacing the folders they own. */
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SolutionName } from '../../definitions/solutions';
import { sourceDirOf } from '../paths';
import { solutionVersion } from '../version';
import { generateAll } from './index';

/** Folders whose whole content is generated (Entity.xml files are generated one by one). */
export const GENERATED_FOLDERS = ['Workflows', 'customapis', 'OptionSets', 'Other/Relationships', 'Other/Relationships.xml'];

export function writeGeneratedSources(sourceDirFor: (s: SolutionName) => string = sourceDirOf): string[] {
  const written: string[] = [];
  for (const [solution, files] of generateAll()) {
    const root = sourceDirFor(solution);
    const before = new Map([...files.keys()].filter((p) => existsSync(join(root, p))).map((p) => [p, readFileSync(join(root, p), 'utf8')]));
    for (const folder of GENERATED_FOLDERS) rmSync(join(root, folder), { recursive: true, force: true });
    for (const [path, content] of files) {
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      if (before.get(path) !== content) written.push(`${solution}/src/${path}`);
    }
  }
  for (const solution of generateAll().keys()) if (stampVersion(join(sourceDirFor(solution), 'Other', 'Solution.xml'))) written.push(`${solution}/src/Other/Solution.xml`);
  return written;
}

/** Keeps the source Solution.xml on the one version, for those who pack the source with Microsoft's tools. */
function stampVersion(path: string): boolean {
  const version = solutionVersion();
  const text = readFileSync(path, 'utf8');
  const stamped = text.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`).replace(/solution="(SmsConnector\w*) \([^)]*\)"/g, `solution="$1 (${version})"`);
  if (stamped === text) return false;
  writeFileSync(path, stamped);
  return true;
}
