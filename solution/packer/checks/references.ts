/**
 * What forms, ribbons, the site map and processes name: web resources, JavaScript functions,
 * PCF controls, tables. Collected from a packed solution so that each check can compare them with
 * what the package (or a solution it depends on) provides.
 */
import { utf8 } from '../files';
import { child, children, textOf, walk, type XmlElement } from '../xml/tree';
import { items, type SolutionPackage } from './package';

export interface FunctionReference {
  library: string;
  functionName: string;
  where: string;
}

const WEBRESOURCE = '$webresource:';

/** Web resources named anywhere in customizations.xml ($webresource:…, form libraries, web resource controls, icons). */
export function referencedWebResources(pkg: SolutionPackage): Array<{ name: string; where: string }> {
  const found: Array<{ name: string; where: string }> = [];
  for (const entity of items(pkg, 'Entities', 'Entity')) {
    const entityName = textOf(entity, 'Name') ?? '';
    for (const element of walk(entity)) {
      for (const value of Object.values(element.attrs)) if (value.startsWith(WEBRESOURCE)) found.push({ name: value.slice(WEBRESOURCE.length), where: `${entityName} <${element.name}>` });
      if (element.name === 'Library' && element.attrs.libraryUniqueId) found.push({ name: element.attrs.name ?? '', where: `${entityName} form library` });
      if (element.name === 'Handler') found.push({ name: element.attrs.libraryName ?? '', where: `${entityName} form handler ${element.attrs.functionName}` });
      if (element.name === 'Url' && element.text && !/^https?:/.test(element.text)) found.push({ name: element.text, where: `${entityName} web resource control` });
      if ((element.name === 'IconSmallName' || element.name === 'IconVectorName' || element.name === 'IconMediumName') && element.text) found.push({ name: element.text, where: `${entityName} <${element.name}>` });
    }
  }
  for (const siteMap of items(pkg, 'AppModuleSiteMaps', 'AppModuleSiteMap')) {
    for (const element of walk(siteMap)) for (const value of Object.values(element.attrs)) if (value.startsWith(WEBRESOURCE)) found.push({ name: value.slice(WEBRESOURCE.length), where: `site map <${element.name} Id="${element.attrs.Id}">` });
  }
  return found;
}

/** JavaScript functions that form events and ribbon commands and rules call. */
export function referencedFunctions(pkg: SolutionPackage): FunctionReference[] {
  const found: FunctionReference[] = [];
  for (const entity of items(pkg, 'Entities', 'Entity')) {
    const entityName = textOf(entity, 'Name') ?? '';
    for (const element of walk(entity)) {
      if (element.name === 'Handler') found.push({ library: element.attrs.libraryName ?? '', functionName: element.attrs.functionName ?? '', where: `${entityName} form event` });
      if (element.name === 'JavaScriptFunction' || element.name === 'CustomRule') {
        found.push({ library: (element.attrs.Library ?? '').replace(WEBRESOURCE, ''), functionName: element.attrs.FunctionName ?? '', where: `${entityName} ribbon <${element.name}>` });
      }
    }
  }
  return found;
}

/** PCF controls that forms use, with the bound property and the column it is bound to. */
export function referencedControls(pkg: SolutionPackage): Array<{ control: string; property: string; type: string; where: string }> {
  const found: Array<{ control: string; property: string; type: string; where: string }> = [];
  for (const entity of items(pkg, 'Entities', 'Entity')) {
    for (const element of walk(entity)) {
      if (element.name !== 'customControl' || !element.attrs.name) continue;
      for (const parameter of child(element, 'parameters')?.children ?? []) found.push({ control: element.attrs.name, property: parameter.name, type: parameter.attrs.type ?? '', where: `${textOf(entity, 'Name')} form, column ${parameter.text}` });
    }
  }
  return found;
}

/** Tables that components of the package name: entities, relationships, views, site map, app, processes, APIs, steps. */
export function referencedTables(pkg: SolutionPackage): Array<{ table: string; where: string }> {
  const found: Array<{ table: string; where: string }> = [];
  const add = (table: string | undefined, where: string) => table && found.push({ table: table.toLowerCase(), where });
  for (const entity of items(pkg, 'Entities', 'Entity')) {
    const name = textOf(entity, 'Name');
    add(name, 'Entities');
    for (const element of walk(entity)) if ((element.name === 'entity' || element.name === 'link-entity') && element.attrs.name) add(element.attrs.name, `${name} view`);
  }
  for (const r of items(pkg, 'EntityRelationships', 'EntityRelationship')) {
    add(textOf(r, 'ReferencingEntityName'), `relationship ${r.attrs.Name}`);
    add(textOf(r, 'ReferencedEntityName'), `relationship ${r.attrs.Name}`);
  }
  for (const siteMap of items(pkg, 'AppModuleSiteMaps', 'AppModuleSiteMap')) for (const e of walk(siteMap)) if (e.name === 'SubArea') add(e.attrs.Entity, `site map ${e.attrs.Id}`);
  for (const app of items(pkg, 'AppModules', 'AppModule')) for (const c of children(child(app, 'AppModuleComponents') ?? app, 'AppModuleComponent')) if (c.attrs.type === '1') add(c.attrs.schemaName, 'app module');
  for (const step of items(pkg, 'SdkMessageProcessingSteps', 'SdkMessageProcessingStep')) add(textOf(step, 'PrimaryEntity'), `step ${step.attrs.Name}`);
  for (const workflow of items(pkg, 'Workflows', 'Workflow')) {
    const where = `process "${workflow.attrs.Name}"`;
    add(textOf(workflow, 'PrimaryEntity'), where);
    const xaml = pkg.files.get((textOf(workflow, 'XamlFileName') ?? '').replace(/^\//, ''));
    if (!xaml) continue;
    const text = utf8(xaml);
    for (const m of text.matchAll(/EntityName="([a-z_0-9]+)"/g)) add(m[1], `${where} XAML`);
    for (const m of text.matchAll(/New Entity\(&quot;([a-z_0-9]+)&quot;\)/g)) add(m[1], `${where} XAML`);
    for (const m of text.matchAll(/related_[a-z_0-9]+#([a-z_0-9]+)/g)) add(m[1], `${where} XAML`);
  }
  for (const [path, bytes] of pkg.files) {
    if (!/^customapis\/.*\.xml$/.test(path)) continue;
    const text = utf8(bytes);
    for (const m of text.matchAll(/<(?:boundentitylogicalname|logicalentityname)>([a-z_0-9]+)</g)) add(m[1], path);
  }
  return found;
}

/** Custom API unique names in a package's customapis/ folder. */
export function customApiNames(pkg: SolutionPackage): string[] {
  return [...pkg.files.keys()].map((p) => /^customapis\/([^/]+)\/customapi\.xml$/.exec(p)?.[1]).filter((n): n is string => n !== undefined);
}

/**
 * Other PascalCase smsc_ names scripts may hold: environment variables (folder names) and
 * service endpoints (Name attribute), which the configuration page's "Connect backend" writes.
 */
export function wiringNames(pkg: SolutionPackage): string[] {
  const variables = [...pkg.files.keys()].map((p) => /^environmentvariabledefinitions\/([^/]+)\//.exec(p)?.[1]).filter((n): n is string => n !== undefined);
  const endpoints = items(pkg, 'ServiceEndpoints', 'ServiceEndpoint').map((e) => e.attrs.Name ?? '').filter(Boolean);
  return [...variables, ...endpoints];
}

export function webResourceNames(pkg: SolutionPackage): Map<string, XmlElement> {
  return new Map(items(pkg, 'WebResources', 'WebResource').map((w) => [textOf(w, 'Name') ?? '', w]));
}
