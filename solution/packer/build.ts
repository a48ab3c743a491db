/** Packs the three solutions, managed and unmanaged, from the repository source and the build outputs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { solutions } from '../definitions/solutions';
import { injectBuildOutputs } from './build-outputs';
import { readTree } from './files';
import { packSolution, zipSolution, type PackedSolution } from './pack';
import { REPOSITORY_ROOT, sourceDirOf } from './paths';
import { solutionVersion } from './version';

export const zipName = (solution: string, managed: boolean): string => `${solution}${managed ? '_managed' : ''}.zip`;

export function packRepositorySolution(name: string, managed: boolean, repositoryRoot = REPOSITORY_ROOT): PackedSolution {
  const files = injectBuildOutputs(readTree(sourceDirOf(name)), name, repositoryRoot);
  return packSolution(files, { managed, version: solutionVersion(), ownSolutions: solutions.map((s) => s.name) });
}

export function packAll(outputDir: string, repositoryRoot = REPOSITORY_ROOT): string[] {
  mkdirSync(outputDir, { recursive: true });
  const written: string[] = [];
  for (const solution of solutions) {
    for (const managed of [false, true]) {
      const path = join(outputDir, zipName(solution.name, managed));
      writeFileSync(path, zipSolution(packRepositorySolution(solution.name, managed, repositoryRoot)));
      written.push(path);
    }
  }
  return written;
}
