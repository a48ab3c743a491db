/** Shared by the pack tests: packing the repository source with small stand-ins for the build outputs. */
import { join } from 'node:path';
import { packRepositorySolution } from '../packer/build';
import type { FileMap } from '../packer/files';
import type { PackedSolution } from '../packer/pack';

export const SOLUTION_NAMES = ['SmsConnector', 'SmsConnectorSales', 'SmsConnectorService'] as const;
/** Minimal bundle, page, icons and PCF outputs with the names of docs/surface.md. */
export const FIXTURE_BUILD_ROOT = join(__dirname, 'fixtures', 'build-outputs');
/** Microsoft's customization XSDs, copied unmodified (see schemas/README.md). */
export const SCHEMA_DIR = join(__dirname, '..', 'schemas');

export function packAllWith(root: string, managed: boolean): PackedSolution[] {
  return SOLUTION_NAMES.map((name) => packRepositorySolution(name, managed, root));
}

export const entriesOf = (packed: PackedSolution): FileMap => new Map(packed.entries);
