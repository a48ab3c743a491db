/** A packed solution as the checks read it: parsed manifest and customizations, and the zip entries. */
import { utf8, type FileMap } from '../files';
import { child, children, parseXml, textOf, type XmlElement } from '../xml/tree';

export interface SolutionPackage {
  uniqueName: string;
  /** Unique names of the solutions it depends on (MissingDependencies). */
  dependsOn: string[];
  manifest: XmlElement;
  customizations: XmlElement;
  files: FileMap;
}

export function readPackage(files: FileMap): SolutionPackage {
  const manifestRoot = parseXml(utf8(files.get('solution.xml') ?? new Uint8Array()), 'solution.xml');
  const manifest = child(manifestRoot, 'SolutionManifest') ?? manifestRoot;
  const dependsOn = new Set<string>();
  for (const dependency of children(child(manifest, 'MissingDependencies') ?? manifest, 'MissingDependency')) {
    const match = /^(\w+) \(/.exec(child(dependency, 'Required')?.attrs.solution ?? '');
    if (match) dependsOn.add(match[1]!);
  }
  return {
    uniqueName: textOf(manifest, 'UniqueName') ?? '',
    dependsOn: [...dependsOn],
    manifest,
    customizations: parseXml(utf8(files.get('customizations.xml') ?? new Uint8Array()), 'customizations.xml'),
    files,
  };
}

/** Items of one section of customizations.xml. */
export function items(pkg: SolutionPackage, section: string, item: string): XmlElement[] {
  const element = child(pkg.customizations, section);
  return element ? children(element, item) : [];
}

/** The package and the packages it depends on, found among `all` by unique name. */
export function withDependencies(pkg: SolutionPackage, all: SolutionPackage[]): SolutionPackage[] {
  const result = [pkg];
  for (const name of pkg.dependsOn) {
    const dependency = all.find((p) => p.uniqueName === name);
    if (dependency) result.push(...withDependencies(dependency, all).filter((d) => !result.includes(d)));
  }
  return result;
}

export interface Issue {
  solution: string;
  file: string;
  message: string;
}

export const issue = (pkg: SolutionPackage, file: string, message: string): Issue => ({ solution: pkg.uniqueName, file, message });
