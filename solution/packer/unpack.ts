/**
 * Turns a solution zip back into SolutionPackager's unpacked layout (the inverse of pack.ts):
 * customizations.xml is split into one file per component, payloads go next to their records.
 * pack(unpack(zip)) gives back the same zip entries.
 */
import { SolutionSourceError } from './errors';
import { bytesOf, utf8, type FileMap } from './files';
import { CUSTOMIZATIONS_XML, FIELD_SECURITY_XML, RELATIONSHIPS_XML, SECTIONS, SERVICE_ENDPOINTS_XML, SOLUTION_XML } from './layout';
import { child, children, el, parseXml, serializeXml, textOf, type XmlElement } from './xml/tree';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const withXsi = (element: XmlElement): XmlElement => ({ ...element, attrs: { ...element.attrs, 'xmlns:xsi': XSI } });
const wrap = (name: string, items: XmlElement[]): XmlElement => el(name, { 'xmlns:xsi': XSI }, ...items);

function splitEntity(entity: XmlElement, out: FileMap): void {
  const name = textOf(entity, 'Name');
  if (!name) throw new SolutionSourceError('customizations.xml', 'Entity', 'an entity has no <Name>');
  const folder = `Entities/${name}/`;
  const write = (path: string, element: XmlElement) => out.set(folder + path, bytesOf(serializeXml(element)));
  const rest = entity.children.map((c) => {
    if (c.name === 'FormXml') {
      for (const forms of children(c, 'forms')) for (const form of children(forms, 'systemform')) write(`FormXml/${forms.attrs.type}/${textOf(form, 'formid')}.xml`, wrap('forms', [form]));
      return el('FormXml');
    }
    if (c.name === 'SavedQueries') {
      for (const query of children(child(c, 'savedqueries') ?? el('savedqueries'), 'savedquery')) write(`SavedQueries/${textOf(query, 'savedqueryid')}.xml`, wrap('savedqueries', [query]));
      return el('SavedQueries');
    }
    if (c.name === 'RibbonDiffXml' && c.children.length) {
      write('RibbonDiff.xml', withXsi(c));
      return el('RibbonDiffXml');
    }
    return c;
  });
  for (const placeholder of ['FormXml', 'SavedQueries', 'RibbonDiffXml']) if (!rest.some((c) => c.name === placeholder)) rest.push(el(placeholder));
  write('Entity.xml', withXsi({ ...entity, children: rest }));
}

export function unpackSolution(zip: FileMap): FileMap {
  const out: FileMap = new Map();
  const consumed = new Set<string>(['[Content_Types].xml', 'solution.xml', 'customizations.xml']);
  const take = (path: string, referencedBy: string, element: string): Uint8Array => {
    const bytes = zip.get(path);
    if (!bytes) throw new SolutionSourceError(referencedBy, element, `the zip has no entry ${path}`);
    consumed.add(path);
    return bytes;
  };
  for (const required of ['solution.xml', 'customizations.xml']) if (!zip.has(required)) throw new SolutionSourceError(required, 'file', 'missing at the root of the zip');

  out.set(SOLUTION_XML, bytesOf(serializeXml(parseXml(utf8(zip.get('solution.xml')!), 'solution.xml'))));
  const customizations = parseXml(utf8(zip.get('customizations.xml')!), 'customizations.xml');
  const section = (name: string): XmlElement[] => {
    const element = child(customizations, name);
    if (!element) return [];
    const items = children(element, SECTIONS[name]!.item);
    element.children = [];
    return items;
  };
  const xml = (path: string, element: XmlElement) => out.set(path, bytesOf(serializeXml(element)));

  for (const entity of section('Entities')) splitEntity(entity, out);
  for (const role of section('Roles')) xml(`Roles/${role.attrs.name}.xml`, withXsi(role));
  for (const workflow of section('Workflows')) {
    const xaml = (textOf(workflow, 'XamlFileName') ?? '').replace(/^\//, '');
    out.set(xaml, take(xaml, 'customizations.xml', 'XamlFileName'));
    xml(`${xaml}.data.xml`, withXsi(workflow));
  }
  const profiles = section('FieldSecurityProfiles');
  if (profiles.length) xml(FIELD_SECURITY_XML, wrap('FieldSecurityProfiles', profiles));
  const relationships = section('EntityRelationships');
  if (relationships.length) {
    xml(RELATIONSHIPS_XML, wrap('EntityRelationships', relationships.map((r) => el('EntityRelationship', { Name: r.attrs.Name }))));
    const byReferenced = new Map<string, XmlElement[]>();
    for (const r of relationships) {
      const referenced = textOf(r, 'ReferencedEntityName') ?? 'Other';
      byReferenced.set(referenced, [...(byReferenced.get(referenced) ?? []), r]);
    }
    for (const [referenced, list] of byReferenced) xml(`Other/Relationships/${referenced}.xml`, wrap('EntityRelationships', list));
  }
  for (const optionSet of section('optionsets')) xml(`OptionSets/${optionSet.attrs.Name}.xml`, withXsi(optionSet));
  for (const resource of section('WebResources')) {
    const name = textOf(resource, 'Name');
    const file = (textOf(resource, 'FileName') ?? '').replace(/^\//, '');
    out.set(`WebResources/${name}`, take(file, 'customizations.xml', 'FileName'));
    xml(`WebResources/${name}.data.xml`, withXsi(resource));
  }
  for (const control of section('CustomControls')) {
    const name = textOf(control, 'Name');
    for (const path of [...zip.keys()].filter((p) => p.startsWith(`Controls/${name}/`))) out.set(path, take(path, 'customizations.xml', 'CustomControl'));
    xml(`Controls/${name}/ControlManifest.xml.data.xml`, withXsi(control));
  }
  for (const step of section('SdkMessageProcessingSteps')) xml(`SdkMessageProcessingSteps/${step.attrs.SdkMessageProcessingStepId}.xml`, withXsi(step));
  const endpoints = section('ServiceEndpoints');
  if (endpoints.length) xml(SERVICE_ENDPOINTS_XML, wrap('ServiceEndpoints', endpoints));
  for (const siteMap of section('AppModuleSiteMaps')) xml(`AppModuleSiteMaps/${textOf(siteMap, 'SiteMapUniqueName')}/AppModuleSiteMap.xml`, withXsi(siteMap));
  for (const app of section('AppModules')) xml(`AppModules/${textOf(app, 'UniqueName')}/AppModule.xml`, withXsi(app));
  xml(CUSTOMIZATIONS_XML, customizations);

  for (const [path, bytes] of zip) {
    if (consumed.has(path)) continue;
    if (!/^(customapis|environmentvariabledefinitions)\//.test(path)) throw new SolutionSourceError(path, 'file', 'not referenced by customizations.xml and not a Custom API or environment variable file');
    out.set(path, bytes);
  }
  return out;
}
