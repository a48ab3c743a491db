/** Writes the generated parts into each solution's source folder, replacing the folders they own. */
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SolutionName } from '../../definitions/solutions';
import { sourceDirOf } from '../paths';
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
  return written;
}
