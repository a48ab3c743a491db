/** Entity.xml (SolutionPackager layout) of our tables and of the tables we extend. */
import { choiceByName } from '../../definitions/choices';
import { localized } from '../../definitions/labels';
import type { ColumnDefinition, TableDefinition, TableExtension } from '../../definitions/tables';
import { el, type XmlElement } from '../xml/tree';
import { attributeXml, dateTime, globalChoice, labelsElement, localChoice, lookup, memo, text } from './attribute-xml';
import { activityAttributes, standardAttributes } from './system-attributes';

export const INTRODUCED_VERSION = '1.0.0.0';

function columnDetails(column: ColumnDefinition, entity: string): XmlElement[] {
  switch (column.type) {
    case 'text':
      return text(column.maxLength, column.format ?? 'text');
    case 'memo':
      return memo(column.maxLength, 'textarea');
    case 'choice':
      choiceByName(column.optionSet);
      return globalChoice(column.optionSet, column.default ?? -1);
    case 'bool':
      return localChoice('bit', `${entity}_${column.name}`, column.label, [{ value: 1, label: column.yes }, { value: 0, label: column.no }], column.default ? 1 : 0, INTRODUCED_VERSION);
    case 'int':
      return [el('Format', {}, 'none'), el('MinValue', {}, String(column.min)), el('MaxValue', {}, String(column.max))];
    case 'decimal':
      return [el('MinValue', {}, String(column.min)), el('MaxValue', {}, String(column.max)), el('Accuracy', {}, String(column.precision))];
    case 'datetime':
      return dateTime(column.format);
    case 'lookup':
      return lookup('single', []);
  }
}

const crmType: Record<ColumnDefinition['type'], string> = {
  text: 'nvarchar',
  memo: 'ntext',
  choice: 'picklist',
  bool: 'bit',
  int: 'int',
  decimal: 'decimal',
  datetime: 'datetime',
  lookup: 'lookup',
};

export function columnAttribute(column: ColumnDefinition, entity: string): XmlElement {
  return attributeXml({
    physicalName: column.name,
    type: crmType[column.type],
    required: column.required ?? 'none',
    displayMask: column.primaryName ? 'PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm' : 'ValidForAdvancedFind|ValidForForm|ValidForGrid',
    imeMode: column.type === 'datetime' ? 'inactive' : 'auto',
    custom: true,
    secured: column.secured ?? false,
    introducedVersion: INTRODUCED_VERSION,
    label: column.label,
    description: column.description,
    details: columnDetails(column, entity),
  });
}

function sortedAttributes(attributes: XmlElement[]): XmlElement[] {
  return [...attributes].sort((a, b) => a.attrs.PhysicalName!.toLowerCase().localeCompare(b.attrs.PhysicalName!.toLowerCase()));
}

const flags = (pairs: Array<[string, string]>) => pairs.map(([name, value]) => el(name, {}, value));

/** Entity.xml of a table this solution owns. */
export function tableEntityXml(table: TableDefinition): XmlElement {
  const system = table.activity ? activityAttributes(table.name) : standardAttributes(table.name, table.ownership, table.label);
  const own = table.columns.map((c) => columnAttribute(c, table.name));
  const activity = table.activity === true;
  const entity = el(
    'entity',
    { Name: table.schemaName },
    labelsElement('LocalizedNames', 'LocalizedName', table.label),
    labelsElement('LocalizedCollectionNames', 'LocalizedCollectionName', table.plural),
    labelsElement('Descriptions', 'Description', table.description),
    el('attributes', {}, ...sortedAttributes([...system, ...own])),
    table.keys &&
      el(
        'EntityKeys',
        {},
        ...table.keys.map((key) =>
          el('EntityKey', {}, el('Name', {}, key.name), el('LogicalName', {}, key.name), el('IntroducedVersion', {}, INTRODUCED_VERSION), el('IsCustomizable', {}, '1'), labelsElement('displaynames', 'displayname', key.label), el('EntityKeyAttributes', {}, ...key.columns.map((c) => el('AttributeName', {}, c)))),
        ),
      ),
    ...flags([
      ['EntitySetName', table.entitySet],
      ['IsDuplicateCheckSupported', activity ? '1' : '0'],
      ['IsBusinessProcessEnabled', '0'],
      ['IsRequiredOffline', '0'],
      ['IsInteractionCentricEnabled', '0'],
      ['IsCollaboration', activity ? '1' : '0'],
      ['AutoRouteToOwnerQueue', '0'],
      ['IsConnectionsEnabled', activity ? '1' : '0'],
      ['EntityColor', ''],
      ['IsDocumentManagementEnabled', '0'],
      ['AutoCreateAccessTeams', '0'],
      ['IsOneNoteIntegrationEnabled', '0'],
      ['IsKnowledgeManagementEnabled', '0'],
      ['IsSLAEnabled', '0'],
      ['IsDocumentRecommendationsEnabled', '0'],
      ['IsBPFEntity', '0'],
      ['OwnershipTypeMask', table.ownership],
      ['IsAuditEnabled', '1'],
      ['IsActivity', activity ? '1' : '0'],
      ['ActivityTypeMask', activity ? 'CommunicationActivity' : ''],
      ['IsActivityParty', '0'],
      ['IsReplicated', activity ? '1' : '0'],
      ['IsReplicationUserFiltered', activity ? '1' : '0'],
      ['IsMailMergeEnabled', '0'],
      ['IsVisibleInMobile', '0'],
      ['IsVisibleInMobileClient', '1'],
      ['IsReadOnlyInMobileClient', '0'],
      ['IsOfflineInMobileClient', activity ? '1' : '0'],
      ['DaysSinceRecordLastModified', '0'],
      ['MobileOfflineFilters', ''],
      ['IsMapiGridEnabled', '1'],
      ['IsReadingPaneEnabled', '1'],
      ['IsQuickCreateEnabled', activity ? '1' : '0'],
      ['SyncToExternalSearchIndex', '0'],
      ['IntroducedVersion', activity ? '5.0.0.0' : INTRODUCED_VERSION],
      ['IsCustomizable', '1'],
      ['IsRenameable', '1'],
      ['IsMappable', '1'],
      ['CanModifyAuditSettings', '1'],
      ['CanModifyMobileVisibility', '1'],
      ['CanModifyMobileClientVisibility', '1'],
      ['CanModifyMobileClientReadOnly', '1'],
      ['CanModifyMobileClientOffline', '1'],
      ['CanModifyConnectionSettings', '1'],
      ['CanModifyDuplicateDetectionSettings', '1'],
      ['CanModifyMailMergeSettings', '1'],
      ['CanModifyQueueSettings', '1'],
      ['CanCreateAttributes', '1'],
      ['CanCreateForms', '1'],
      ['CanCreateCharts', '1'],
      ['CanCreateViews', '1'],
      ['CanModifyAdditionalSettings', '1'],
      ['CanEnableSyncToExternalSearchIndex', '1'],
      ...(table.icons ? ([['IconSmallName', table.icons.small], ['IconVectorName', table.icons.vector]] as Array<[string, string]>) : []),
      ['EnforceStateTransitions', '0'],
      ['CanChangeHierarchicalRelationship', '1'],
      ['EntityHelpUrlEnabled', '0'],
      ['ChangeTrackingEnabled', '1'],
      ['CanChangeTrackingBeEnabled', '1'],
      ['IsEnabledForExternalChannels', '0'],
      ['HasRelatedNotes', 'True'],
      ['HasRelatedActivities', activity ? 'False' : 'True'],
    ]),
  );
  return entityShell(table.schemaName, table.label.en, table.label.en, entity);
}

function entityShell(schemaName: string, localizedName: string, originalName: string, entity: XmlElement): XmlElement {
  return el(
    'Entity',
    { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
    el('Name', { LocalizedName: localizedName, OriginalName: originalName }, schemaName),
    el('EntityInfo', {}, entity),
    el('FormXml'),
    el('SavedQueries'),
    el('RibbonDiffXml'),
  );
}

/** Entity.xml of a table another solution (or the platform) owns: only the columns we add. */
export function extensionEntityXml(extension: TableExtension, ownedByPlatform: boolean): XmlElement {
  const entity = el('entity', { Name: extension.schemaName }, labelsElement('LocalizedNames', 'LocalizedName', extension.label), el('attributes', {}, ...sortedAttributes(extension.columns.map((c) => columnAttribute(c, extension.table)))));
  return entityShell(extension.schemaName, extension.label.en, ownedByPlatform ? '' : extension.label.en, entity);
}

/** Entity.xml of a table we only touch with a ribbon or a form: no columns. */
export function touchedEntityXml(schemaName: string, entityLabel: { en: string; fr: string }): XmlElement {
  const entity = el('entity', { Name: schemaName }, el('LocalizedNames', {}, ...localized({ en: entityLabel.en, fr: entityLabel.fr }).map(([code, t]) => el('LocalizedName', { description: t, languagecode: code }))), el('attributes'));
  return entityShell(schemaName, entityLabel.en, '', entity);
}
