/**
 * The correspondence between SolutionPackager's unpacked folders and the sections of the packed
 * customizations.xml. pack.ts walks it one way, unpack.ts the other.
 */
export interface SectionRule {
  /** Element under <ImportExportXml> in customizations.xml. */
  section: string;
  /** Element of each item inside the section. */
  item: string;
  /** Sort key of an item, so that the packed order depends on content, not on file names. */
  key: (item: { attrs: Record<string, string>; text?: string; children: Array<{ name: string; text?: string; attrs: Record<string, string> }> }) => string;
}

const childText = (name: string) => (item: { children: Array<{ name: string; text?: string }> }) => item.children.find((c) => c.name === name)?.text ?? '';

export const SECTIONS: Record<string, SectionRule> = {
  Entities: { section: 'Entities', item: 'Entity', key: childText('Name') },
  Roles: { section: 'Roles', item: 'Role', key: (i) => i.attrs.name ?? '' },
  Workflows: { section: 'Workflows', item: 'Workflow', key: (i) => i.attrs.WorkflowId ?? '' },
  FieldSecurityProfiles: { section: 'FieldSecurityProfiles', item: 'FieldSecurityProfile', key: (i) => i.attrs.name ?? '' },
  EntityRelationships: { section: 'EntityRelationships', item: 'EntityRelationship', key: (i) => i.attrs.Name ?? '' },
  optionsets: { section: 'optionsets', item: 'optionset', key: (i) => i.attrs.Name ?? '' },
  WebResources: { section: 'WebResources', item: 'WebResource', key: childText('Name') },
  CustomControls: { section: 'CustomControls', item: 'CustomControl', key: childText('Name') },
  SdkMessageProcessingSteps: { section: 'SdkMessageProcessingSteps', item: 'SdkMessageProcessingStep', key: (i) => i.attrs.SdkMessageProcessingStepId ?? '' },
  ServiceEndpoints: { section: 'ServiceEndpoints', item: 'ServiceEndpoint', key: (i) => i.attrs.ServiceEndpointId ?? '' },
  AppModuleSiteMaps: { section: 'AppModuleSiteMaps', item: 'AppModuleSiteMap', key: childText('SiteMapUniqueName') },
  AppModules: { section: 'AppModules', item: 'AppModule', key: childText('UniqueName') },
};

/** Form types in the order exports group them. */
export const FORM_TYPES = ['main', 'quickCreate', 'quick', 'card', 'mobile', 'dashboard'];

/** Folders copied into the zip as they are (their XML re-serialized). */
export const COPIED_FOLDERS = ['customapis', 'environmentvariabledefinitions'];

export const SOLUTION_XML = 'Other/Solution.xml';
export const CUSTOMIZATIONS_XML = 'Other/Customizations.xml';
export const SERVICE_ENDPOINTS_XML = 'PluginAssemblies/ServiceEndpoints.xml';
export const FIELD_SECURITY_XML = 'Other/FieldSecurityProfiles.xml';
export const RELATIONSHIPS_XML = 'Other/Relationships.xml';
