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
    for (const folder of GENERATED_FOLDERS) rmSync(join(root, folder), { recursive: true, force: true });
    for (const [path, content] of files) {
      const target = join(root, path);
      if (existsSync(target) && readFileSync(target, 'utf8') === content) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      written.push(`${solution}/src/${path}`);
    }
  }
  return written;
}
