/**
 * Built files injected into the source at pack time (never committed): the web resources built by
 * webresources/ and the PCF controls built by pcf-controls/ (docs/surface.md).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readTree, type FileMap } from './files';

export interface Injection {
  /** Path inside the solution source (`src/`). */
  target: string;
  /** Path of the build output, relative to the repository root; a folder for PCF controls. */
  source: string;
  folder?: boolean;
  /** A file the folder must contain. */
  required?: string[];
}

const control = (name: string): Injection => ({
  target: `Controls/smsc_SmsConnector.${name}`,
  source: `pcf-controls/${name}/out/controls/${name}`,
  folder: true,
  required: ['ControlManifest.xml', 'bundle.js'],
});

/** What each solution takes from the builds. */
export const INJECTIONS: Record<string, Injection[]> = {
  SmsConnector: [
    { target: 'WebResources/smsc_/scripts/smsconnector.js', source: 'webresources/dist/smsconnector.js' },
    { target: 'WebResources/smsc_/pages/configuration.html', source: 'webresources/dist/configuration.html' },
    { target: 'WebResources/smsc_/images/sms16.svg', source: 'webresources/dist/images/sms16.svg' },
    { target: 'WebResources/smsc_/images/sms32.svg', source: 'webresources/dist/images/sms32.svg' },
    control('SmsComposer'),
    control('PhoneNumber'),
  ],
  SmsConnectorSales: [],
  SmsConnectorService: [],
};

export class MissingBuildOutputError extends Error {
  constructor(readonly path: string, readonly neededFor: string) {
    super(`Missing build output ${path} (needed for ${neededFor}). Run \`npm run build\` and check that the workspace that produces it built without errors.`);
    this.name = 'MissingBuildOutputError';
  }
}

/** Adds the build outputs to a source file map; throws naming the first missing file. */
export function injectBuildOutputs(source: FileMap, solution: string, repositoryRoot: string): FileMap {
  const files: FileMap = new Map(source);
  for (const injection of INJECTIONS[solution] ?? []) {
    const from = join(repositoryRoot, injection.source);
    if (!injection.folder) {
      if (!existsSync(from)) throw new MissingBuildOutputError(injection.source, injection.target);
      files.set(injection.target, readTree(join(from, '..')).get(injection.source.split('/').pop()!)!);
      continue;
    }
    for (const required of injection.required ?? []) {
      if (!existsSync(join(from, required))) throw new MissingBuildOutputError(`${injection.source}/${required}`, injection.target);
    }
    for (const [path, bytes] of readTree(from)) files.set(`${injection.target}/${path}`, bytes);
  }
  return files;
}
