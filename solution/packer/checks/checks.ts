/** The consistency checks of a set of packed solutions (issue "Verification"); each returns the problems it finds. */
import { utf8 } from '../files';
import { parseXml, textOf, walk, type XmlElement } from '../xml/tree';
import { issue, items, withDependencies, type Issue, type SolutionPackage } from './package';
import { customApiNames, wiringNames, referencedControls, referencedFunctions, referencedTables, referencedWebResources, webResourceNames } from './references';
import { loadBundle, resolvePath, type Globals } from './sandbox';

function owner(name: string, packages: SolutionPackage[]): { pkg: SolutionPackage; record: XmlElement } | undefined {
  for (const pkg of packages) {
    const record = webResourceNames(pkg).get(name);
    if (record) return { pkg, record };
  }
  return undefined;
}

/** Every web resource that a form, ribbon or site map names exists in the zip (or in a solution it depends on), with its file. */
export function checkWebResources(pkg: SolutionPackage, all: SolutionPackage[]): Issue[] {
  const issues: Issue[] = [];
  const available = withDependencies(pkg, all);
  for (const { name, where } of referencedWebResources(pkg)) {
    if (!owner(name, available)) issues.push(issue(pkg, 'customizations.xml', `${where} names web resource "${name}", which is neither in ${pkg.uniqueName} nor in a solution it depends on`));
  }
  for (const [name, record] of webResourceNames(pkg)) {
    const file = (textOf(record, 'FileName') ?? '').replace(/^\//, '');
    if (!pkg.files.has(file)) issues.push(issue(pkg, file, `web resource "${name}" has no file in the zip`));
  }
  return issues;
}

/** Every JavaScript function a form event or ribbon command/rule names exists in its library, loaded in a sandbox. */
export function checkFunctions(pkg: SolutionPackage, all: SolutionPackage[]): Issue[] {
  const issues: Issue[] = [];
  const available = withDependencies(pkg, all);
  const loaded = new Map<string, Globals | Error>();
  for (const ref of referencedFunctions(pkg)) {
    const library = owner(ref.library, available);
    if (!library) {
      issues.push(issue(pkg, 'customizations.xml', `${ref.where} calls ${ref.functionName} from "${ref.library}", which is not a web resource of ${pkg.uniqueName} or its dependencies`));
      continue;
    }
    if (!loaded.has(ref.library)) {
      const file = (textOf(library.record, 'FileName') ?? '').replace(/^\//, '');
      try {
        loaded.set(ref.library, loadBundle(utf8(library.pkg.files.get(file) ?? new Uint8Array()), ref.library));
      } catch (error) {
        loaded.set(ref.library, error as Error);
      }
    }
    const globals = loaded.get(ref.library)!;
    if (globals instanceof Error) issues.push(issue(pkg, ref.library, globals.message));
    else if (typeof resolvePath(globals, ref.functionName) !== 'function') issues.push(issue(pkg, ref.library, `${ref.where} calls ${ref.functionName}, which the bundle does not define as a function`));
  }
  return issues;
}

/**
 * Every Custom API that a script names (smsc_… in the bundles) or that a campaign ribbon action
 * runs exists in one of the solutions.
 */
export function checkCustomApis(all: SolutionPackage[], ribbonActionApis: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  const apis = new Set(all.flatMap(customApiNames));
  const wiring = new Set(all.flatMap(wiringNames));
  for (const pkg of all) {
    for (const [name, record] of webResourceNames(pkg)) {
      if (!name.endsWith('.js') && !name.endsWith('.html')) continue;
      const text = utf8(pkg.files.get((textOf(record, 'FileName') ?? '').replace(/^\//, '')) ?? new Uint8Array());
      for (const match of new Set([...text.matchAll(/["'`](smsc_[A-Z][A-Za-z]+)["'`]/g)].map((m) => m[1]!))) {
        if (!apis.has(match) && !wiring.has(match)) issues.push(issue(pkg, name, `the script names Custom API ${match}, which no solution defines`));
      }
    }
    for (const entity of items(pkg, 'Entities', 'Entity')) {
      for (const element of walk(entity)) {
        if (element.name !== 'JavaScriptFunction') continue;
        for (const parameter of element.children.filter((c) => c.name === 'StringParameter')) {
          const api = ribbonActionApis[parameter.attrs.Value ?? ''];
          if (!api) issues.push(issue(pkg, 'customizations.xml', `${textOf(entity, 'Name')} ribbon action "${parameter.attrs.Value}" maps to no Custom API`));
          else if (!apis.has(api)) issues.push(issue(pkg, 'customizations.xml', `${textOf(entity, 'Name')} ribbon action "${parameter.attrs.Value}" runs ${api}, which no solution defines`));
        }
      }
    }
  }
  return issues;
}

/** Tables a package defines itself (entities with their full metadata). */
export function definedTables(pkg: SolutionPackage): string[] {
  return items(pkg, 'Entities', 'Entity')
    .filter((e) => [...walk(e)].some((x) => x.name === 'EntitySetName'))
    .map((e) => (textOf(e, 'Name') ?? '').toLowerCase());
}

/** Every table a process, form, view, relationship or API touches exists in the solution, one it depends on, or what it may rely on. */
export function checkTables(pkg: SolutionPackage, all: SolutionPackage[], external: Set<string>): Issue[] {
  const known = new Set([...withDependencies(pkg, all).flatMap(definedTables), ...external]);
  return referencedTables(pkg)
    .filter(({ table }) => !known.has(table))
    .map(({ table, where }) => issue(pkg, 'customizations.xml', `${where} uses table "${table}", which neither ${pkg.uniqueName}, a solution it depends on, nor what it may rely on provides`));
}

const LANGUAGE_ATTRIBUTES = ['languagecode', 'LCID'];

/** Elements that hold localized texts (children with a language attribute) must have 1033 and 1036. */
export function checkLabelsIn(root: XmlElement, file: string, pkg: SolutionPackage, required: number[] = [1033, 1036]): Issue[] {
  const issues: Issue[] = [];
  for (const element of walk(root)) {
    const languages = element.children.map((c) => LANGUAGE_ATTRIBUTES.map((a) => c.attrs[a]).find((v) => v !== undefined)).filter((v): v is string => v !== undefined);
    if (languages.length === 0) continue;
    for (const code of required) {
      if (!languages.includes(String(code))) {
        const owner = element.attrs.Id ?? element.attrs.Name ?? element.attrs.id ?? element.attrs.name ?? '';
        issues.push(issue(pkg, file, `<${element.name}>${owner ? ` of ${owner}` : ''} has no ${code} text (has ${languages.join(', ')})`));
      }
    }
  }
  return issues;
}

export function checkLabels(pkg: SolutionPackage): Issue[] {
  const issues = [...checkLabelsIn(pkg.customizations, 'customizations.xml', pkg), ...checkLabelsIn(pkg.manifest, 'solution.xml', pkg)];
  for (const [path, bytes] of pkg.files) {
    if (/^(customapis|environmentvariabledefinitions)\/.*\.xml$/.test(path)) issues.push(...checkLabelsIn(parseXml(utf8(bytes), path), path, pkg));
  }
  return issues;
}

/** Every PCF control a form uses is in the solutions, and its manifest declares the bound property with that type. */
export function checkControls(pkg: SolutionPackage, all: SolutionPackage[]): Issue[] {
  const issues: Issue[] = [];
  const available = withDependencies(pkg, all);
  for (const ref of referencedControls(pkg)) {
    const holder = available.find((p) => items(p, 'CustomControls', 'CustomControl').some((c) => textOf(c, 'Name') === ref.control));
    if (!holder) {
      issues.push(issue(pkg, 'customizations.xml', `${ref.where} uses PCF control ${ref.control}, which is in no solution it can rely on`));
      continue;
    }
    const manifestPath = `Controls/${ref.control}/ControlManifest.xml`;
    const manifest = holder.files.get(manifestPath);
    if (!manifest) {
      issues.push(issue(holder, manifestPath, `control ${ref.control} has no manifest in the zip`));
      continue;
    }
    const elements = [...walk(parseXml(utf8(manifest), manifestPath))];
    const property = elements.find((e) => e.name === 'property' && e.attrs.name === ref.property);
    if (!property) {
      issues.push(issue(pkg, manifestPath, `${ref.where} binds property "${ref.property}", which ${ref.control}'s manifest does not declare`));
      continue;
    }
    const group = property.attrs['of-type-group'];
    const accepted = group ? elements.filter((e) => e.name === 'type-group' && e.attrs.name === group).flatMap((g) => g.children.map((t) => t.text ?? '')) : [property.attrs['of-type'] ?? ''];
    if (!accepted.includes(ref.type)) issues.push(issue(pkg, manifestPath, `${ref.where} binds "${ref.property}" as ${ref.type}, the manifest declares ${accepted.join(' or ')}`));
  }
  return issues;
}
