/**
 * Everything in the solution source that is generated from the TypeScript definitions: Entity.xml
 * and relationships of tables, global choices, Custom API folders and the prebuilt processes.
 * `npm run pack` rewrites these files first; a test checks the committed copies are current.
 */
import { choices } from '../../definitions/choices';
import { customApis } from '../../definitions/custom-apis';
import { processes } from '../../definitions/processes';
import { solutions, type SolutionName } from '../../definitions/solutions';
import { extensions, systemTables, tables } from '../../definitions/tables';
import { serializeXml, type XmlElement } from '../xml/tree';
import { customApiFiles } from './custom-api';
import { extensionEntityXml, tableEntityXml, touchedEntityXml } from './entity';
import { optionSetXml } from './optionset';
import { lookupRelationship, regardingRelationship, relationshipFiles, systemRelationships, type Relationship } from './relationships';
import { workflowFiles } from './workflow';

/** Tables whose ribbon or form a solution changes without adding columns. */
export const touchedTables: Record<SolutionName, string[]> = {
  SmsConnector: ['contact', 'account'],
  SmsConnectorSales: ['lead'],
  SmsConnectorService: [],
};

/** Tables an SMS can be "regarding", per solution (the activity's regarding relationships). */
export const regardingTables: Record<SolutionName, string[]> = {
  SmsConnector: ['account', 'contact'],
  SmsConnectorSales: ['lead', 'campaign', 'salesorder', 'quote', 'invoice'],
  SmsConnectorService: ['incident'],
};

export function schemaNameOf(table: string): string {
  const own = tables.find((t) => t.name === table);
  if (own) return own.schemaName;
  const system = systemTables[table];
  if (system) return system.schemaName;
  throw new Error(`schemaNameOf: unknown table "${table}"`);
}

export function generateSolution(name: SolutionName): Map<string, string> {
  const files = new Map<string, string>();
  const xml = (path: string, element: XmlElement) => files.set(path, serializeXml(element));
  const relationships: Relationship[] = [];

  for (const table of tables.filter((t) => t.solution === name)) {
    xml(`Entities/${table.schemaName}/Entity.xml`, tableEntityXml(table));
    relationships.push(...systemRelationships(table));
    for (const column of table.columns) if (column.type === 'lookup') relationships.push(lookupRelationship(table, column, schemaNameOf(column.target)));
  }
  for (const extension of extensions.filter((e) => e.solution === name)) {
    xml(`Entities/${extension.schemaName}/Entity.xml`, extensionEntityXml(extension, systemTables[extension.table] !== undefined));
    for (const column of extension.columns) if (column.type === 'lookup') relationships.push(lookupRelationship(extension, column, schemaNameOf(column.target)));
  }
  for (const table of touchedTables[name]) {
    const system = systemTables[table]!;
    xml(`Entities/${system.schemaName}/Entity.xml`, touchedEntityXml(system.schemaName, system.label));
  }
  for (const table of regardingTables[name]) relationships.push(regardingRelationship('smsc_sms', schemaNameOf(table)));
  if (relationships.length) for (const [path, element] of relationshipFiles(relationships)) xml(path, element);

  for (const choice of choices.filter((c) => c.solution === name)) xml(`OptionSets/${choice.name}.xml`, optionSetXml(choice));
  for (const api of customApis.filter((a) => a.solution === name)) for (const [path, element] of customApiFiles(api)) xml(path, element);
  for (const process of processes.filter((p) => p.solution === name)) {
    const { xamlPath, xaml, dataPath, data } = workflowFiles(process);
    files.set(xamlPath, xaml);
    xml(dataPath, data);
  }
  return files;
}

export function generateAll(): Map<SolutionName, Map<string, string>> {
  return new Map(solutions.map((s) => [s.name, generateSolution(s.name)]));
}
