/** Where things are in the repository: the solution sources, the build outputs, the zips. */
import { join, resolve } from 'node:path';

/** The `solution/` workspace (this file is at solution/packer/ or solution/dist/packer/). */
export const SOLUTION_WORKSPACE = resolve(__dirname, __dirname.includes(`${join('dist', 'packer')}`) ? '../..' : '..');
export const REPOSITORY_ROOT = resolve(SOLUTION_WORKSPACE, '..');
export const sourceDirOf = (solution: string): string => join(SOLUTION_WORKSPACE, solution, 'src');
export const DIST_DIR = join(REPOSITORY_ROOT, 'dist', 'solution');
