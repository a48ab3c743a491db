/** Every RootComponent of solution.xml exists in the package, and every component is a RootComponent. */
import { child, children, textOf } from '../xml/tree';
import { issue, items, type Issue, type SolutionPackage } from './package';

const key = (type: string, name: string) => `${type}:${name.toLowerCase().replace(/[{}]/g, '')}`;

/** Components declared in customizations.xml (and their folders), as type:name keys. */
export function packageComponents(pkg: SolutionPackage): Map<string, string> {
  const found = new Map<string, string>();
  const add = (type: number, name: string | undefined, where: string) => name && found.set(key(String(type), name), where);
  for (const e of items(pkg, 'Entities', 'Entity')) add(1, textOf(e, 'Name'), 'Entities');
  for (const o of items(pkg, 'optionsets', 'optionset')) add(9, o.attrs.Name, 'optionsets');
  for (const r of items(pkg, 'EntityRelationships', 'EntityRelationship')) add(10, r.attrs.Name, 'EntityRelationships');
  for (const r of items(pkg, 'Roles', 'Role')) add(20, r.attrs.id, 'Roles');
  for (const w of items(pkg, 'Workflows', 'Workflow')) add(29, w.attrs.WorkflowId, 'Workflows');
  for (const w of items(pkg, 'WebResources', 'WebResource')) add(61, textOf(w, 'Name'), 'WebResources');
  for (const s of items(pkg, 'AppModuleSiteMaps', 'AppModuleSiteMap')) add(62, textOf(s, 'SiteMapUniqueName'), 'AppModuleSiteMaps');
  for (const c of items(pkg, 'CustomControls', 'CustomControl')) add(66, textOf(c, 'Name'), 'CustomControls');
  for (const p of items(pkg, 'FieldSecurityProfiles', 'FieldSecurityProfile')) add(70, p.attrs.fieldsecurityprofileid, 'FieldSecurityProfiles');
  for (const a of items(pkg, 'AppModules', 'AppModule')) add(80, textOf(a, 'UniqueName'), 'AppModules');
  for (const s of items(pkg, 'SdkMessageProcessingSteps', 'SdkMessageProcessingStep')) add(92, s.attrs.SdkMessageProcessingStepId, 'SdkMessageProcessingSteps');
  for (const s of items(pkg, 'ServiceEndpoints', 'ServiceEndpoint')) add(95, s.attrs.ServiceEndpointId, 'ServiceEndpoints');
  return found;
}

export function checkRootComponents(pkg: SolutionPackage): Issue[] {
  const issues: Issue[] = [];
  const roots = children(child(pkg.manifest, 'RootComponents') ?? pkg.manifest, 'RootComponent');
  const declared = new Map<string, string>();
  for (const root of roots) declared.set(key(root.attrs.type ?? '', root.attrs.schemaName ?? root.attrs.id ?? ''), root.attrs.behavior ?? '0');
  const components = packageComponents(pkg);
  for (const [k] of declared) if (!components.has(k)) issues.push(issue(pkg, 'solution.xml', `RootComponent ${k} is not in customizations.xml`));
  // Relationships of a table included with its subcomponents (behavior 0) need no RootComponent of their own.
  const fullEntities = new Set([...declared].filter(([k, behavior]) => k.startsWith('1:') && behavior === '0').map(([k]) => k.slice(2)));
  const relationshipEnds = new Map(items(pkg, 'EntityRelationships', 'EntityRelationship').map((r) => [r.attrs.Name?.toLowerCase() ?? '', [textOf(r, 'ReferencingEntityName'), textOf(r, 'ReferencedEntityName')].map((n) => (n ?? '').toLowerCase())]));
  for (const [k, where] of components) {
    if (declared.has(k)) continue;
    if (k.startsWith('10:') && relationshipEnds.get(k.slice(3))?.some((end) => fullEntities.has(end))) continue;
    issues.push(issue(pkg, 'solution.xml', `${where} component ${k} has no RootComponent`));
  }
  return issues;
}
