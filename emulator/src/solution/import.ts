/**
 * ImportSolution: reads a solution zip (fflate) and its XML (fast-xml-parser) as laid out in the
 * solution reference (solution.xml, customizations.xml, customapis/, environmentvariabledefinitions/)
 * and creates tables, columns, choices, relationships, Custom APIs with their SDK messages,
 * service endpoints, SDK steps and images, environment variables, web resources and workflows.
 * Components the emulator does not model (forms, views, ribbons, roles, apps…) are counted in the
 * import job's log; a table, column, choice, Custom API, endpoint or step is never dropped silently:
 * what cannot be modelled fails the import with a message that names it.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { CallerContext } from '../engine';
import { DataverseError, errors } from '../http/errors';
import { col, defineTable } from '../metadata/build';
import { AttributeDef, AttributeType, Labels, OptionDef, TableDef } from '../metadata/model';
import { ACTIVITY_STATES, activityColumns } from '../metadata/standard-tables';
import type { DataverseService } from '../service';
import { newId, parseGuid, stableId } from '../util/ids';
import { messageId } from '../engine';

type X = Record<string, unknown>;

const ARRAY_TAGS = new Set(['Entity', 'attribute', 'option', 'label', 'displayname', 'LocalizedName', 'LocalizedCollectionName', 'state', 'status', 'optionset', 'EntityRelationship', 'EntityRelationshipRole', 'ServiceEndpoint', 'SdkMessageProcessingStep', 'SdkMessageProcessingStepImage', 'WebResource', 'Workflow', 'EntityKey', 'AttributeName', 'KeyAttribute', 'RootComponent']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true, isArray: (name) => ARRAY_TAGS.has(name) });

const TYPE_MAP: Record<string, AttributeType> = {
  nvarchar: 'String',
  ntext: 'Memo',
  memo: 'Memo',
  int: 'Integer',
  bigint: 'BigInt',
  decimal: 'Decimal',
  float: 'Double',
  money: 'Money',
  bit: 'Boolean',
  datetime: 'DateTime',
  picklist: 'Picklist',
  multiselectpicklist: 'MultiSelectPicklist',
  state: 'State',
  status: 'Status',
  lookup: 'Lookup',
  customer: 'Customer',
  owner: 'Owner',
  primarykey: 'Uniqueidentifier',
  uniqueidentifier: 'Uniqueidentifier',
  partylist: 'PartyList',
};
/** Column types that exist in exports but have no Web API value the emulator stores. */
const VIRTUAL_TYPES = new Set(['virtual', 'image', 'file', 'managedproperty', 'entityname', 'calendarrules']);

const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? String((v as X)['#text'] ?? '') : String(v)).trim();
const list = <T = X>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v === undefined || v === null || v === '' ? [] : [v as T]);
const bool = (v: unknown) => ['1', 'true'].includes(text(v).toLowerCase());

function labelsOf(container: unknown, item: string): Labels {
  const labels: Labels = {};
  for (const l of list<X>((container as X | undefined)?.[item])) {
    const lcid = Number(l['@_languagecode']);
    if (lcid) labels[lcid] = String(l['@_description'] ?? '');
  }
  return labels;
}

function optionsOf(optionset: X | undefined): OptionDef[] {
  if (!optionset) return [];
  const options: OptionDef[] = [];
  for (const o of list<X>((optionset.options as X | undefined)?.option)) options.push({ value: Number(o['@_value']), label: labelsOf(o.labels, 'label') });
  for (const s of list<X>((optionset.states as X | undefined)?.state)) options.push({ value: Number(s['@_value']), label: labelsOf(s.labels, 'label'), defaultStatus: Number(s['@_defaultstatus']), invariantName: String(s['@_invariantname'] ?? '') });
  for (const s of list<X>((optionset.statuses as X | undefined)?.status)) options.push({ value: Number(s['@_value']), label: labelsOf(s.labels, 'label'), state: Number(s['@_state']) });
  return options;
}

export interface ImportReport {
  solution: string;
  tables: string[];
  columns: number;
  customApis: string[];
  endpoints: string[];
  steps: string[];
  notModelled: string[];
}

export async function importSolution(service: DataverseService, zip: Uint8Array, ctx: CallerContext, importJobId?: string): Promise<ImportReport> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (error) {
    throw errors.invalidArgument(`The solution file is not a valid compressed (.zip) file: ${(error as Error).message}`);
  }
  const missing = ['solution.xml', 'customizations.xml'].filter((f) => !files[f]);
  if (missing.length) throw new DataverseError(400, '0x80048060', `The solution file is invalid. The compressed file must contain the following files at its root: solution.xml, customizations.xml, and [Content_Types].xml. Missing: ${missing.join(', ')}.`);
  const read = (name: string) => parser.parse(strFromU8(files[name]!).replace(/^\uFEFF/, '')) as X;
  const engine = service.engine;
  const manifest = ((read('solution.xml').ImportExportXml as X)?.SolutionManifest ?? {}) as X;
  const uniqueName = text(manifest.UniqueName);
  if (!uniqueName) throw errors.invalidArgument('solution.xml has no SolutionManifest/UniqueName.');
  const customizations = (read('customizations.xml').ImportExportXml ?? {}) as X;
  const report: ImportReport = { solution: uniqueName, tables: [], columns: 0, customApis: [], endpoints: [], steps: [], notModelled: [] };
  const startedOn = engine.now();

  // Global choices first: columns refer to them by name.
  for (const os of list<X>((customizations.optionsets as X | undefined)?.optionset)) {
    const name = String(os['@_Name'] ?? '').toLowerCase();
    engine.schema.model.optionSets[name] = { name, type: text(os.OptionSetType) === 'bit' ? 'Boolean' : 'Picklist', label: labelsOf(os.displaynames, 'displayname'), options: optionsOf(os), metadataId: stableId(`optionset:${name}`) };
  }

  const entities = list<X>((customizations.Entities as X | undefined)?.Entity);
  for (const entity of entities) {
    const info = ((entity.EntityInfo as X | undefined)?.entity ?? {}) as X;
    const logicalName = text(entity.Name).toLowerCase() || String(info['@_Name'] ?? '').toLowerCase();
    if (!logicalName) throw errors.invalidArgument('An <Entity> in customizations.xml has no Name.');
    const attributes = list<X>((info.attributes as X | undefined)?.attribute).map((a) => parseAttribute(engine.schema.model.optionSets, logicalName, a));
    report.columns += attributes.length;
    const existing = engine.schema.table(logicalName);
    const keys = list<X>((info.EntityKeys as X | undefined)?.EntityKey).map((k) => ({
      logicalName: (text(k.LogicalName) || text(k.Name)).toLowerCase(),
      attributes: [...list((k.EntityKeyAttributes as X | undefined)?.AttributeName), ...list((k.KeyAttributes as X | undefined)?.KeyAttribute)].map((n) => text(n).toLowerCase()),
    }));
    let table: TableDef;
    if (existing) {
      table = { ...existing, attributes: { ...existing.attributes } };
    } else {
      const isActivity = bool(info.IsActivity);
      const primaryName = attributes.find((a) => /PrimaryName/.test(a.displayMask))?.def.logicalName ?? (isActivity ? 'subject' : `${logicalName.split('_')[0]}_name`);
      const entitySetName = text(info.EntitySetName) || `${logicalName}s`;
      const ownership = text(info.OwnershipTypeMask) === 'OrgOwned' ? 'OrganizationOwned' : 'UserOwned';
      const states = attributes.find((a) => a.def.type === 'State');
      const statuses = attributes.find((a) => a.def.type === 'Status');
      table = defineTable(
        {
          logicalName,
          schemaName: text(entity.Name) || logicalName,
          entitySetName,
          primaryIdAttribute: isActivity ? 'activityid' : `${logicalName}id`,
          primaryNameAttribute: primaryName,
          label: labelsOf(info.LocalizedNames, 'LocalizedName'),
          collectionLabel: labelsOf(info.LocalizedCollectionNames, 'LocalizedCollectionName'),
          objectTypeCode: Number(text(entity.ObjectTypeCode)) || 10000 + Object.keys(engine.schema.model.tables).length,
          ownership,
          isActivity,
          custom: true,
          states:
            states && statuses
              ? [states.def, statuses.def]
              : isActivity
                ? ACTIVITY_STATES
                : undefined,
        },
        isActivity ? activityColumns() : [col.text(primaryName, 100, 'Name', 'Nom')],
      );
      if (engine.schema.tableBySet(entitySetName)) throw errors.invalidArgument(`The entity set name '${entitySetName}' of ${logicalName} is already used by another table.`);
    }
    for (const { def } of attributes) {
      if (def.logicalName === table.primaryIdAttribute) continue;
      const current = table.attributes[def.logicalName];
      // Platform columns keep their definition; a solution adds or changes the others.
      if (current && ['createdon', 'modifiedon', 'createdby', 'modifiedby', 'versionnumber', 'ownerid', 'owninguser', 'owningteam', 'owningbusinessunit'].includes(def.logicalName)) continue;
      if (current && def.type === 'Lookup' && current.targets) def.targets = current.targets;
      if (current?.options && (def.type === 'State' || def.type === 'Status') && (def.options?.length ?? 0) === 0) def.options = current.options;
      if (current && (def.type === 'Status' || def.type === 'State') && def.options && current.options) {
        // An export of a system table lists only the added status reasons: keep the platform's.
        const merged = [...current.options];
        for (const o of def.options) if (!merged.some((m) => m.value === o.value)) merged.push(o);
        def.options = merged;
      }
      table.attributes[def.logicalName] = { ...def, metadataId: current?.metadataId ?? stableId(`attribute:${logicalName}.${def.logicalName}`) };
    }
    if (keys.length) table.keys = [...table.keys.filter((k) => !keys.some((n) => n.logicalName === k.logicalName)), ...keys];
    for (const k of table.keys) for (const a of k.attributes) if (!table.attributes[a]) throw errors.invalidArgument(`The key ${k.logicalName} of ${logicalName} names the column ${a}, which the table does not have.`);
    engine.defineTable(table);
    report.tables.push(logicalName);
    for (const part of ['FormXml', 'SavedQueries', 'RibbonDiffXml', 'Visualizations']) if (entity[part]) report.notModelled.push(`${logicalName}: ${part}`);
  }

  importRelationships(service, list<X>((customizations.EntityRelationships as X | undefined)?.EntityRelationship));
  for (const t of report.tables) engine.store.ensureTable(engine.table(t));

  const records = service.records;
  const upsert = async (tableName: string, id: string, body: Record<string, unknown>) => {
    const table = engine.table(tableName);
    await records.update(ctx, table, id, body, { upsert: true });
  };

  for (const se of list<X>((customizations.ServiceEndpoints as X | undefined)?.ServiceEndpoint)) {
    const id = parseGuid(se['@_ServiceEndpointId']);
    const name = String(se['@_Name'] ?? '');
    if (!id) throw errors.invalidArgument(`Service endpoint '${name}' has no ServiceEndpointId.`);
    const body: Record<string, unknown> = { name, url: text(se.Url) || null, contract: Number(text(se.Contract) || 8), authtype: Number(text(se.AuthType) || 4), messageformat: Number(text(se.MessageFormat) || 2), connectionmode: Number(text(se.ConnectionMode) || 1), userclaim: Number(text(se.UserClaim) || 1), namespaceformat: Number(text(se.NamespaceFormat) || 1), path: text(se.Path) || null, solutionnamespace: text(se.SolutionNamespace) || null };
    if (text(se.Description)) body.description = text(se.Description);
    await upsert('serviceendpoint', id, body);
    report.endpoints.push(name);
  }

  // Custom APIs before steps: steps may be registered on their messages.
  const apiFolders = new Set(Object.keys(files).filter((f) => /^customapis\/[^/]+\/customapi\.xml$/.test(f)));
  for (const file of apiFolders) {
    const folder = file.slice(0, -'customapi.xml'.length);
    const api = read(file).customapi as X;
    const uniqueName = String(api['@_uniquename'] ?? '');
    if (!uniqueName) throw errors.invalidArgument(`${file} has no uniquename.`);
    const apiId = stableId(`customapi:${uniqueName}`);
    const bindingType = Number(text(api.bindingtype) || 0);
    const bound = text(api.boundentitylogicalname).toLowerCase() || null;
    if (bindingType !== 0 && (!bound || !engine.schema.table(bound))) throw errors.invalidArgument(`Custom API ${uniqueName} is bound to '${bound}', a table this environment does not have.`);
    const msgId = engine.ensureMessage(uniqueName, true);
    engine.ensureMessageFilter(uniqueName, bound ?? 'none');
    await upsert('customapi', apiId, {
      uniquename: uniqueName,
      name: text(api.name) || uniqueName,
      displayname: String((api.displayname as X | undefined)?.['@_default'] ?? uniqueName),
      description: String((api.description as X | undefined)?.['@_default'] ?? '').slice(0, 300) || null,
      bindingtype: bindingType,
      boundentitylogicalname: bound,
      isfunction: bool(api.isfunction),
      isprivate: bool(api.isprivate),
      allowedcustomprocessingsteptype: Number(text(api.allowedcustomprocessingsteptype) || 0),
      executeprivilegename: text(api.executeprivilegename) || null,
      workflowsdkstepenabled: bool(api.workflowsdkstepenabled),
    });
    engine.store.update(engine.table('customapi'), apiId, { sdkmessageid: { id: msgId, logicalName: 'sdkmessage' } });
    for (const kind of ['customapirequestparameter', 'customapiresponseproperty'] as const) {
      const dir = `${folder}${kind === 'customapirequestparameter' ? 'customapirequestparameters' : 'customapiresponseproperties'}/`;
      for (const f of Object.keys(files).filter((x) => x.startsWith(dir) && x.endsWith(`/${kind}.xml`))) {
        const p = read(f)[kind] as X;
        const pname = String(p['@_uniquename'] ?? '');
        const body: Record<string, unknown> = {
          uniquename: pname,
          name: text(p.name) || `${uniqueName}.${pname}`,
          displayname: String((p.displayname as X | undefined)?.['@_default'] ?? pname),
          type: Number(text(p.type)),
          logicalentityname: text(p.logicalentityname) || null,
          'CustomAPIId@odata.bind': `/customapis(${apiId})`,
        };
        if (kind === 'customapirequestparameter') body.isoptional = bool(p.isoptional);
        await upsert(kind, stableId(`${kind}:${uniqueName}.${pname}`), body);
      }
    }
    report.customApis.push(uniqueName);
  }

  for (const step of list<X>((customizations.SdkMessageProcessingSteps as X | undefined)?.SdkMessageProcessingStep)) {
    const id = parseGuid(step['@_SdkMessageProcessingStepId']);
    const name = String(step['@_Name'] ?? '');
    if (!id) throw errors.invalidArgument(`SDK step '${name}' has no SdkMessageProcessingStepId.`);
    const msgId = parseGuid(text(step.SdkMessageId));
    const message = msgId ? engine.store.all('SELECT "name" FROM "sdkmessage" WHERE "sdkmessageid" = ?', [msgId])[0] : undefined;
    if (!message) throw errors.invalidArgument(`SDK step '${name}' refers to the message ${text(step.SdkMessageId)}, which does not exist in this environment.`);
    const primary = text(step.PrimaryEntity).toLowerCase();
    const handler = parseGuid(text(step.EventHandler));
    const handlerType = text(step.EventHandlerTypeCode);
    const body: Record<string, unknown> = {
      name,
      'sdkmessageid@odata.bind': `/sdkmessages(${msgId})`,
      stage: Number(text(step.Stage) || 40),
      mode: Number(text(step.Mode) || 0),
      rank: Number(text(step.Rank) || 1),
      filteringattributes: text(step.FilteringAttributes) || null,
      asyncautodelete: bool(step.AsyncAutoDelete),
      supporteddeployment: Number(text(step.SupportedDeployment) || 0),
      invocationsource: Number(text(step.InvocationSource) || 0),
    };
    if (primary && primary !== 'none') body['sdkmessagefilterid@odata.bind'] = `/sdkmessagefilters(${engine.ensureMessageFilter(String(message.name), primary)})`;
    if (handler && (handlerType === '4618' || !handlerType)) body['eventhandler_serviceendpoint@odata.bind'] = `/serviceendpoints(${handler})`;
    else if (handler) body['eventhandler_plugintype@odata.bind'] = `/plugintypes(${handler})`;
    const pluginType = parseGuid(text(step.PluginTypeId));
    if (pluginType && engine.store.get(engine.table('plugintype'), pluginType)) body['plugintypeid@odata.bind'] = `/plugintypes(${pluginType})`;
    await upsert('sdkmessageprocessingstep', id, body);
    for (const image of list<X>((step.SdkMessageProcessingStepImages as X | undefined)?.SdkMessageProcessingStepImage)) {
      const imageId = parseGuid(image['@_SdkMessageProcessingStepImageId']) ?? stableId(`image:${id}:${text(image.EntityAlias)}`);
      await upsert('sdkmessageprocessingstepimage', imageId, {
        name: String(image['@_Name'] ?? text(image.EntityAlias)),
        entityalias: text(image.EntityAlias) || null,
        imagetype: Number(text(image.ImageType) || 1),
        attributes: text(image.Attributes) || null,
        messagepropertyname: text(image.MessagePropertyName) || 'Target',
        'sdkmessageprocessingstepid@odata.bind': `/sdkmessageprocessingsteps(${id})`,
      });
    }
    report.steps.push(name);
  }

  for (const file of Object.keys(files).filter((f) => /^environmentvariabledefinitions\/[^/]+\/environmentvariabledefinition\.xml$/.test(f))) {
    const def = read(file).environmentvariabledefinition as X;
    const schemaName = String(def['@_schemaname'] ?? '');
    const defId = stableId(`environmentvariabledefinition:${schemaName}`);
    await upsert('environmentvariabledefinition', defId, {
      schemaname: schemaName,
      displayname: String((def.displayname as X | undefined)?.['@_default'] ?? schemaName),
      type: Number(text(def.type) || 100000000),
      defaultvalue: text(def.defaultvalue) || null,
      isrequired: bool(def.isrequired),
    });
    const valuesFile = file.replace(/environmentvariabledefinition\.xml$/, 'environmentvariablevalues.json');
    if (files[valuesFile]) {
      const parsed = JSON.parse(strFromU8(files[valuesFile]!).replace(/^\uFEFF/, '')) as { environmentvariablevalues?: { environmentvariablevalue?: X | X[] } };
      for (const v of list<X>(parsed.environmentvariablevalues?.environmentvariablevalue)) {
        await upsert('environmentvariablevalue', parseGuid(v['@environmentvariablevalueid']) ?? stableId(`environmentvariablevalue:${schemaName}`), { schemaname: schemaName, value: String(v.value ?? ''), 'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${defId})` });
      }
    }
  }

  for (const wr of list<X>((customizations.WebResources as X | undefined)?.WebResource)) {
    const id = parseGuid(text(wr.WebResourceId)) ?? stableId(`webresource:${text(wr.Name)}`);
    const fileName = text(wr.FileName).replace(/^\//, '');
    const content = files[fileName];
    if (!content) throw errors.invalidArgument(`Web resource ${text(wr.Name)} refers to ${fileName}, which is not in the zip.`);
    await upsert('webresource', id, { name: text(wr.Name), displayname: text(wr.DisplayName) || null, webresourcetype: Number(text(wr.WebResourceType)), content: Buffer.from(content).toString('base64') });
  }

  for (const wf of list<X>((customizations.Workflows as X | undefined)?.Workflow)) {
    const id = parseGuid(wf['@_WorkflowId']) ?? stableId(`workflow:${String(wf['@_Name'])}`);
    const xamlFile = text(wf.XamlFileName).replace(/^\//, '');
    await upsert('workflow', id, {
      name: String(wf['@_Name'] ?? ''),
      category: Number(text(wf.Category) || 0),
      mode: Number(text(wf.Mode) || 0),
      scope: Number(text(wf.Scope) || 4),
      ondemand: bool(wf.OnDemand),
      triggeroncreate: bool(wf.TriggerOnCreate),
      triggerondelete: bool(wf.TriggerOnDelete),
      triggeronupdateattributelist: text(wf.TriggerOnUpdateAttributeList) || null,
      primaryentity: text(wf.PrimaryEntity).toLowerCase() || null,
      xaml: files[xamlFile] ? strFromU8(files[xamlFile]!) : null,
      statecode: Number(text(wf.StateCode) || 0),
      statuscode: Number(text(wf.StatusCode) || 1),
    });
  }

  const handled = new Set(['Entities', 'optionsets', 'EntityRelationships', 'ServiceEndpoints', 'SdkMessageProcessingSteps', 'WebResources', 'Workflows', 'Languages']);
  for (const [section, value] of Object.entries(customizations)) {
    if (section.startsWith('@_') || handled.has(section) || value === '' || value === undefined) continue;
    report.notModelled.push(section);
  }

  const publisher = (manifest.Publisher ?? {}) as X;
  const publisherName = text(publisher.UniqueName);
  const publisherId = stableId(`publisher:${publisherName}`);
  if (publisherName) {
    await upsert('publisher', publisherId, { uniquename: publisherName, friendlyname: Object.values(labelsOf(publisher.LocalizedNames, 'LocalizedName'))[0] ?? publisherName, customizationprefix: text(publisher.CustomizationPrefix) || null, customizationoptionvalueprefix: Number(text(publisher.CustomizationOptionValuePrefix) || 0) });
  }
  await upsert('solution', stableId(`solution:${uniqueName}`), {
    uniquename: uniqueName,
    friendlyname: Object.values(labelsOf(manifest.LocalizedNames, 'LocalizedName'))[0] ?? uniqueName,
    version: text(manifest.Version) || null,
    ismanaged: text(manifest.Managed) === '1',
    installedon: engine.now(),
    ...(publisherName ? { 'publisherid@odata.bind': `/publishers(${publisherId})` } : {}),
  });
  await upsert('importjob', importJobId ?? newId(), { name: uniqueName, solutionname: uniqueName, progress: 100, startedon: startedOn, completedon: engine.now(), data: JSON.stringify(report) });
  engine.saveSchema();
  return report;
}

function parseAttribute(optionSets: Record<string, { options: OptionDef[] }>, table: string, a: X): { def: AttributeDef; displayMask: string } {
  const logicalName = (text(a.LogicalName) || text(a.Name)).toLowerCase();
  const rawType = text(a.Type).toLowerCase();
  if (!logicalName) throw errors.invalidArgument(`A column of ${table} has no LogicalName.`);
  let type: AttributeType | undefined = TYPE_MAP[rawType];
  if (!type && VIRTUAL_TYPES.has(rawType)) type = 'Virtual';
  if (!type) throw errors.invalidArgument(`The column ${table}.${logicalName} has the type '${rawType}', which the emulator does not know.`);
  const optionset = list<X>(a.optionset)[0];
  const globalName = text(a.OptionSetName).toLowerCase();
  let options = optionsOf(optionset);
  if (globalName) {
    const global = optionSets[globalName];
    if (!global) throw errors.invalidArgument(`The column ${table}.${logicalName} uses the global choice '${globalName}', which is neither in the solution nor in the environment.`);
    options = global.options;
  }
  if (type === 'Boolean' && options.length === 0) options = [{ value: 1, label: { 1033: 'Yes' } }, { value: 0, label: { 1033: 'No' } }];
  const def: AttributeDef = {
    logicalName,
    schemaName: String(a['@_PhysicalName'] ?? logicalName),
    type,
    label: labelsOf(a.displaynames, 'displayname'),
    custom: bool(a.IsCustomField),
    metadataId: stableId(`attribute:${table}.${logicalName}`),
  };
  if (['String', 'Memo'].includes(type)) def.maxLength = Number(text(a.MaxLength) || (type === 'Memo' ? 2000 : 100));
  if (['Decimal', 'Money'].includes(type)) def.precision = Number(text(a.Accuracy) || 2);
  if (['Integer', 'Decimal', 'Double', 'Money'].includes(type)) {
    if (text(a.MinValue)) def.minValue = Number(text(a.MinValue));
    if (text(a.MaxValue)) def.maxValue = Number(text(a.MaxValue));
  }
  if (type === 'DateTime') def.dateOnly = text(a.Format).toLowerCase() === 'date' || text(a.Behavior) === '3';
  if (options.length) def.options = options;
  if (globalName) {
    def.optionSetName = globalName;
    def.globalOptionSet = true;
  } else if (optionset) def.optionSetName = String(optionset['@_Name'] ?? `${table}_${logicalName}`);
  const appDefault = text(a.AppDefaultValue);
  if (appDefault && appDefault !== '-1' && (type === 'Picklist' || type === 'Boolean')) def.defaultValue = type === 'Boolean' ? appDefault === '1' : Number(appDefault);
  if (['Lookup', 'Customer', 'Owner'].includes(type)) def.targets = type === 'Customer' ? ['account', 'contact'] : type === 'Owner' ? ['systemuser', 'team'] : [];
  if (logicalName === 'regardingobjectid') def.targets = ['*'];
  if (type === 'PartyList') def.targets = ['*'];
  return { def, displayMask: text(a.DisplayMask) };
}

function importRelationships(service: DataverseService, relationships: X[]): void {
  const engine = service.engine;
  for (const r of relationships) {
    const name = String(r['@_Name'] ?? '');
    const type = text(r.EntityRelationshipType);
    const roles = list<X>((r.EntityRelationshipRoles as X | undefined)?.EntityRelationshipRole);
    if (type === 'ManyToMany') {
      const first = text(r.FirstEntityName).toLowerCase();
      const second = text(r.SecondEntityName).toLowerCase();
      const intersect = text(r.IntersectEntityName).toLowerCase() || name.toLowerCase();
      if (!engine.schema.table(first) || !engine.schema.table(second)) throw errors.invalidArgument(`The relationship ${name} relates ${first} and ${second}; both tables must exist.`);
      const a1 = `${first}id`;
      const a2 = first === second ? `${second}idtwo` : `${second}id`;
      if (!engine.schema.table(intersect)) {
        engine.defineTable(defineTable({ logicalName: intersect, entitySetName: `${intersect}set`, primaryNameAttribute: a1, label: { 1033: intersect }, collectionLabel: { 1033: intersect }, objectTypeCode: 0, ownership: 'None', states: 'none' }, [col.guid(a1, a1), col.guid(a2, a2)]));
      }
      const navs = roles.map((x) => text(x.NavigationPropertyName)).filter(Boolean);
      engine.schema.addManyToMany({ schemaName: name, entity1: first, entity2: second, intersectEntity: intersect, entity1Attribute: a1, entity2Attribute: a2, entity1Navigation: navs[0] ?? name, entity2Navigation: navs[1] ?? navs[0] ?? name });
      continue;
    }
    if (type !== 'OneToMany') continue;
    const referencing = text(r.ReferencingEntityName).toLowerCase();
    const referenced = text(r.ReferencedEntityName).toLowerCase();
    const attributeName = text(r.ReferencingAttributeName).toLowerCase();
    const table = engine.schema.table(referencing);
    if (!table) throw errors.invalidArgument(`The relationship ${name} refers to the table ${referencing}, which does not exist.`);
    const attribute = table.attributes[attributeName];
    if (!attribute) throw errors.invalidArgument(`The relationship ${name} uses the column ${referencing}.${attributeName}, which does not exist.`);
    // Owner lookups point at the platform's internal "owner" table (user or team): nothing to add.
    if (attribute.targets?.includes('*') || attribute.type === 'Owner') continue;
    if (!engine.schema.table(referenced)) throw errors.invalidArgument(`The relationship ${name} refers to the table ${referenced}, which does not exist.`);
    if (!attribute.targets?.includes(referenced)) attribute.targets = [...(attribute.targets ?? []), referenced];
    const single = roles.find((x) => text(x.RelationshipRoleType) === '1');
    const collection = roles.find((x) => text(x.RelationshipRoleType) === '0');
    engine.schema.addOneToMany({
      schemaName: name,
      referencedEntity: referenced,
      referencingEntity: referencing,
      referencingAttribute: attributeName,
      referencedNavigation: text(collection?.NavigationPropertyName) || name,
      referencingNavigation: text(single?.NavigationPropertyName) || attribute.schemaName,
    });
    engine.store.ensureTable(table);
  }
}

export { messageId };
