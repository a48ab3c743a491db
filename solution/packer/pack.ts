/**
 * Packs a SolutionPackager source (a FileMap of the `src/` folder) into the zip Dataverse imports:
 * solution.xml, customizations.xml with every component joined back in, the web resource,
 * workflow, control, Custom API and environment variable files, and [Content_Types].xml.
 */
import { SolutionSourceError } from './errors';
import { bytesOf, utf8, type FileMap } from './files';
import { COPIED_FOLDERS, CUSTOMIZATIONS_XML, FIELD_SECURITY_XML, FORM_TYPES, RELATIONSHIPS_XML, SECTIONS, SERVICE_ENDPOINTS_XML, SOLUTION_XML } from './layout';
import { child, children, el, parseXml, serializeXml, textOf, type XmlElement } from './xml/tree';
import { contentTypesXml } from './content-types';
import { writeZip } from './zip';

export interface PackOptions {
  managed: boolean;
  /** Replaces <Version> (and the versions of our own solutions in MissingDependencies). */
  version?: string;
  /** Unique names of solutions whose version in MissingDependencies follows `version`. */
  ownSolutions?: string[];
}

export interface PackedSolution {
  uniqueName: string;
  version: string;
  /** Zip entries in the order written. */
  entries: Array<[string, Uint8Array]>;
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function parse(files: FileMap, path: string): XmlElement {
  const bytes = files.get(path);
  if (!bytes) throw new SolutionSourceError(path, 'file', 'missing');
  return parseXml(utf8(bytes), path);
}

function expectRoot(element: XmlElement, name: string, path: string): XmlElement {
  if (element.name !== name) throw new SolutionSourceError(path, element.name, `expected root element <${name}>`);
  return element;
}

/** Drops the xsi declaration that unpacked fragments carry; the packed root declares it once. */
function fragment(element: XmlElement): XmlElement {
  const { ['xmlns:xsi']: _xsi, ...attrs } = element.attrs;
  return { ...element, attrs };
}

const under = (files: FileMap, prefix: string) => [...files.keys()].filter((p) => p.startsWith(prefix)).sort();

function sortedItems(section: string, items: XmlElement[]): XmlElement[] {
  const rule = SECTIONS[section]!;
  return [...items].sort((a, b) => rule.key(a).localeCompare(rule.key(b)));
}

function entityElement(files: FileMap, entityXmlPath: string): XmlElement {
  const folder = entityXmlPath.slice(0, -'Entity.xml'.length);
  const entity = fragment(expectRoot(parse(files, entityXmlPath), 'Entity', entityXmlPath));
  const forms = new Map<string, XmlElement[]>();
  for (const path of under(files, `${folder}FormXml/`)) {
    const type = path.slice(`${folder}FormXml/`.length).split('/')[0]!;
    if (!FORM_TYPES.includes(type)) throw new SolutionSourceError(path, 'forms', `unknown form type folder "${type}"`);
    const root = expectRoot(parse(files, path), 'forms', path);
    forms.set(type, [...(forms.get(type) ?? []), ...children(root, 'systemform')]);
  }
  const queries = under(files, `${folder}SavedQueries/`).flatMap((path) => children(expectRoot(parse(files, path), 'savedqueries', path), 'savedquery'));
  const ribbonPath = `${folder}RibbonDiff.xml`;
  const ribbon = files.has(ribbonPath) ? fragment(expectRoot(parse(files, ribbonPath), 'RibbonDiffXml', ribbonPath)) : undefined;

  for (const [name, present] of [['FormXml', forms.size > 0], ['SavedQueries', queries.length > 0], ['RibbonDiffXml', ribbon !== undefined]] as const) {
    if (present && !child(entity, name)) throw new SolutionSourceError(entityXmlPath, name, `missing placeholder for the files of ${folder}`);
  }
  const byId = (a: XmlElement, b: XmlElement, id: string) => (textOf(a, id) ?? '').localeCompare(textOf(b, id) ?? '');
  entity.children = entity.children.map((c) => {
    if (c.name === 'FormXml' && forms.size) {
      const groups = FORM_TYPES.filter((t) => forms.has(t)).map((t) => el('forms', { type: t }, ...forms.get(t)!.sort((a, b) => byId(a, b, 'formid'))));
      return el('FormXml', {}, ...groups);
    }
    if (c.name === 'SavedQueries' && queries.length) return el('SavedQueries', {}, el('savedqueries', {}, ...queries.sort((a, b) => byId(a, b, 'savedqueryid'))));
    if (c.name === 'RibbonDiffXml' && ribbon) return ribbon;
    return c;
  });
  // An entity without forms or views carries no empty FormXml/SavedQueries (the schema requires content).
  entity.children = entity.children.filter((c) => !((c.name === 'FormXml' || c.name === 'SavedQueries') && c.children.length === 0));
  return entity;
}

interface Collected {
  items: Map<string, XmlElement[]>;
  payloads: Array<[string, Uint8Array]>;
}

function payloadPath(fileName: string | undefined, file: string, element: string): string {
  if (!fileName || !fileName.startsWith('/')) throw new SolutionSourceError(file, element, `expected a path starting with "/", found "${fileName ?? ''}"`);
  return fileName.slice(1);
}

function collect(files: FileMap): Collected {
  const items = new Map<string, XmlElement[]>();
  const payloads: Array<[string, Uint8Array]> = [];
  const add = (section: string, element: XmlElement) => items.set(section, [...(items.get(section) ?? []), element]);
  const bytes = (path: string, referencedBy: string, element: string) => {
    const content = files.get(path);
    if (!content) throw new SolutionSourceError(referencedBy, element, `the file ${path} is missing`);
    return content;
  };

  for (const path of under(files, 'Entities/').filter((p) => /^Entities\/[^/]+\/Entity\.xml$/.test(p))) add('Entities', entityElement(files, path));
  for (const path of under(files, 'Roles/')) add('Roles', fragment(expectRoot(parse(files, path), 'Role', path)));
  for (const path of under(files, 'Workflows/').filter((p) => p.endsWith('.data.xml'))) {
    const workflow = fragment(expectRoot(parse(files, path), 'Workflow', path));
    const xaml = payloadPath(textOf(workflow, 'XamlFileName'), path, 'XamlFileName');
    payloads.push([xaml, bytes(xaml, path, 'XamlFileName')]);
    add('Workflows', workflow);
  }
  if (files.has(FIELD_SECURITY_XML)) for (const p of children(expectRoot(parse(files, FIELD_SECURITY_XML), 'FieldSecurityProfiles', FIELD_SECURITY_XML), 'FieldSecurityProfile')) add('FieldSecurityProfiles', p);
  if (files.has(RELATIONSHIPS_XML)) {
    const definitions = new Map<string, XmlElement>();
    for (const path of under(files, 'Other/Relationships/')) for (const r of children(expectRoot(parse(files, path), 'EntityRelationships', path), 'EntityRelationship')) definitions.set(r.attrs.Name ?? '', r);
    for (const listed of children(parse(files, RELATIONSHIPS_XML), 'EntityRelationship')) {
      const definition = definitions.get(listed.attrs.Name ?? '');
      if (!definition) throw new SolutionSourceError(RELATIONSHIPS_XML, 'EntityRelationship', `"${listed.attrs.Name}" has no definition in Other/Relationships/`);
      add('EntityRelationships', definition);
    }
  }
  for (const path of under(files, 'OptionSets/')) add('optionsets', fragment(expectRoot(parse(files, path), 'optionset', path)));
  for (const path of under(files, 'WebResources/').filter((p) => p.endsWith('.data.xml'))) {
    const resource = fragment(expectRoot(parse(files, path), 'WebResource', path));
    const content = path.slice(0, -'.data.xml'.length);
    payloads.push([payloadPath(textOf(resource, 'FileName'), path, 'FileName'), bytes(content, path, 'FileName')]);
    add('WebResources', resource);
  }
  for (const path of under(files, 'Controls/').filter((p) => p.endsWith('/ControlManifest.xml.data.xml'))) {
    const control = fragment(expectRoot(parse(files, path), 'CustomControl', path));
    const folder = path.slice(0, -'ControlManifest.xml.data.xml'.length);
    const manifest = payloadPath(textOf(control, 'FileName'), path, 'FileName');
    bytes(manifest, path, 'FileName');
    for (const file of under(files, folder)) if (file !== path) payloads.push([file, files.get(file)!]);
    add('CustomControls', control);
  }
  for (const path of under(files, 'SdkMessageProcessingSteps/')) add('SdkMessageProcessingSteps', fragment(expectRoot(parse(files, path), 'SdkMessageProcessingStep', path)));
  if (files.has(SERVICE_ENDPOINTS_XML)) for (const e of children(expectRoot(parse(files, SERVICE_ENDPOINTS_XML), 'ServiceEndpoints', SERVICE_ENDPOINTS_XML), 'ServiceEndpoint')) add('ServiceEndpoints', e);
  for (const path of under(files, 'AppModuleSiteMaps/')) add('AppModuleSiteMaps', fragment(expectRoot(parse(files, path), 'AppModuleSiteMap', path)));
  for (const path of under(files, 'AppModules/')) add('AppModules', fragment(expectRoot(parse(files, path), 'AppModule', path)));
  for (const folder of COPIED_FOLDERS) {
    for (const path of under(files, `${folder}/`)) payloads.push([path, path.endsWith('.xml') ? bytesOf(serializeXml(parse(files, path))) : files.get(path)!]);
  }
  return { items, payloads };
}

function solutionManifest(files: FileMap, options: PackOptions): { xml: XmlElement; uniqueName: string; version: string } {
  const root = expectRoot(parse(files, SOLUTION_XML), 'ImportExportXml', SOLUTION_XML);
  const manifest = child(root, 'SolutionManifest');
  if (!manifest) throw new SolutionSourceError(SOLUTION_XML, 'SolutionManifest', 'missing');
  const uniqueName = textOf(manifest, 'UniqueName');
  const versionElement = child(manifest, 'Version');
  const managedElement = child(manifest, 'Managed');
  if (!uniqueName) throw new SolutionSourceError(SOLUTION_XML, 'UniqueName', 'missing or empty');
  if (!versionElement || !managedElement) throw new SolutionSourceError(SOLUTION_XML, versionElement ? 'Managed' : 'Version', 'missing');
  if (options.version) versionElement.text = options.version;
  if (!/^\d+(\.\d+){1,3}$/.test(versionElement.text ?? '')) throw new SolutionSourceError(SOLUTION_XML, 'Version', `"${versionElement.text ?? ''}" is not a version such as 1.0.0.0`);
  managedElement.text = options.managed ? '1' : '0';
  if (options.version) {
    for (const dependency of children(child(manifest, 'MissingDependencies') ?? el('x'), 'MissingDependency')) {
      const required = child(dependency, 'Required');
      const match = /^(\w+) \(/.exec(required?.attrs.solution ?? '');
      if (required && match && options.ownSolutions?.includes(match[1]!)) required.attrs.solution = `${match[1]} (${options.version})`;
    }
  }
  return { xml: root, uniqueName, version: versionElement.text! };
}

export function packSolution(files: FileMap, options: PackOptions): PackedSolution {
  const manifest = solutionManifest(files, options);
  const customizations = expectRoot(parse(files, CUSTOMIZATIONS_XML), 'ImportExportXml', CUSTOMIZATIONS_XML);
  const { items, payloads } = collect(files);
  for (const [section, list] of items) {
    const target = child(customizations, section);
    if (!target) throw new SolutionSourceError(CUSTOMIZATIONS_XML, section, `missing, but the source has ${list.length} ${SECTIONS[section]!.item} item(s) for it`);
    if (target.children.length) throw new SolutionSourceError(CUSTOMIZATIONS_XML, section, 'must be empty in the source: its items live in their own files');
    target.children = sortedItems(section, list);
  }
  const seen = new Set<string>();
  for (const [path] of payloads) {
    if (seen.has(path)) throw new SolutionSourceError(path, 'file', 'two components write the same zip entry');
    seen.add(path);
  }
  if (!manifest.xml.attrs['xmlns:xsi']) manifest.xml.attrs['xmlns:xsi'] = XSI;
  if (!customizations.attrs['xmlns:xsi']) customizations.attrs['xmlns:xsi'] = XSI;
  const sortedPayloads = payloads.sort(([a], [b]) => a.localeCompare(b));
  const entries: Array<[string, Uint8Array]> = [
    ['customizations.xml', bytesOf(serializeXml(customizations, { declaration: false }))],
    ['solution.xml', bytesOf(serializeXml(manifest.xml, { declaration: false }))],
    ...sortedPayloads,
  ];
  entries.push(['[Content_Types].xml', bytesOf('\uFEFF' + contentTypesXml(entries.map(([p]) => p)))]);
  return { uniqueName: manifest.uniqueName, version: manifest.version, entries };
}

export function zipSolution(packed: PackedSolution): Uint8Array {
  return writeZip(packed.entries);
}
