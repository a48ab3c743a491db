/**
 * Relationship definitions, grouped as SolutionPackager writes them: `Other/Relationships.xml`
 * lists the names, `Other/Relationships/<referenced table>.xml` holds the definitions.
 */
import type { ColumnDefinition, TableDefinition } from '../../definitions/tables';
import { el, type XmlElement } from '../xml/tree';
import { INTRODUCED_VERSION } from './entity';

export interface Relationship {
  name: string;
  referencing: string;
  referenced: string;
  attribute: string;
  cascade: 'system' | 'lookup' | 'regarding';
  navigation: string;
}

const cascades: Record<Relationship['cascade'], [string, string, string, string, string]> = {
  // Assign, Delete, Reparent, Share, Unshare
  system: ['NoCascade', 'NoCascade', 'NoCascade', 'NoCascade', 'NoCascade'],
  lookup: ['NoCascade', 'RemoveLink', 'NoCascade', 'NoCascade', 'NoCascade'],
  regarding: ['Cascade', 'Cascade', 'Cascade', 'Cascade', 'Cascade'],
};

export function relationshipXml(r: Relationship): XmlElement {
  const [assign, del, reparent, share, unshare] = cascades[r.cascade];
  return el(
    'EntityRelationship',
    { Name: r.name },
    el('EntityRelationshipType', {}, 'OneToMany'),
    el('IsCustomizable', {}, '1'),
    el('IntroducedVersion', {}, INTRODUCED_VERSION),
    el('IsHierarchical', {}, '0'),
    el('ReferencingEntityName', {}, r.referencing),
    el('ReferencedEntityName', {}, r.referenced),
    el('CascadeAssign', {}, assign),
    el('CascadeDelete', {}, del),
    el('CascadeReparent', {}, reparent),
    el('CascadeShare', {}, share),
    el('CascadeUnshare', {}, unshare),
    el('IsValidForAdvancedFind', {}, '1'),
    el('ReferencingAttributeName', {}, r.attribute),
    el('RelationshipDescription', {}, el('Descriptions', {}, el('Description', { description: '', languagecode: 1033 }), el('Description', { description: '', languagecode: 1036 }))),
    el(
      'EntityRelationshipRoles',
      {},
      el('EntityRelationshipRole', {}, el('NavPaneDisplayOption', {}, 'UseCollectionName'), el('NavPaneArea', {}, 'Details'), el('NavPaneOrder', {}, '10000'), el('NavigationPropertyName', {}, r.navigation), el('RelationshipRoleType', {}, '1')),
      el('EntityRelationshipRole', {}, el('NavigationPropertyName', {}, r.name), el('RelationshipRoleType', {}, '0')),
    ),
  );
}

/** The relationship a lookup column creates. */
export function lookupRelationship(table: { schemaName: string }, column: ColumnDefinition & { type: 'lookup' }, targetSchemaName: string): Relationship {
  return { name: column.relationship, referencing: table.schemaName, referenced: targetSchemaName, attribute: column.name, cascade: 'lookup', navigation: column.name };
}

/** Ownership and audit relationships every custom table has (names as platform exports write them). */
export function systemRelationships(table: TableDefinition): Relationship[] {
  const t = table.schemaName;
  const lower = t.toLowerCase();
  const sys = (name: string, referenced: string, attribute: string): Relationship => ({ name, referencing: t, referenced, attribute, cascade: 'system', navigation: attribute });
  const audit = [
    sys(`lk_${lower}_createdby`, 'SystemUser', 'createdby'),
    sys(`lk_${lower}_createdonbehalfby`, 'SystemUser', 'createdonbehalfby'),
    sys(`lk_${lower}_modifiedby`, 'SystemUser', 'modifiedby'),
    sys(`lk_${lower}_modifiedonbehalfby`, 'SystemUser', 'modifiedonbehalfby'),
  ];
  if (table.activity) {
    return [
      sys(`activity_pointer_${t}`, 'ActivityPointer', 'activityid'),
      sys(`${lower}_businessunit_owningbusinessunit`, 'BusinessUnit', 'owningbusinessunit'),
      sys(`${lower}_owner_ownerid`, 'Owner', 'ownerid'),
      sys(`${lower}_team_owningteam`, 'Team', 'owningteam'),
      sys(`${lower}_systemuser_owninguser`, 'SystemUser', 'owninguser'),
      ...audit,
    ];
  }
  if (table.ownership === 'OrgOwned') return [sys(`organization_${lower}`, 'Organization', 'organizationid'), ...audit];
  return [
    sys(`business_unit_${lower}`, 'BusinessUnit', 'owningbusinessunit'),
    sys(`owner_${lower}`, 'Owner', 'ownerid'),
    sys(`team_${lower}`, 'Team', 'owningteam'),
    sys(`user_${lower}`, 'SystemUser', 'owninguser'),
    ...audit,
  ];
}

/** "Regarding" relationship of an activity to a table it can be about. */
export function regardingRelationship(activity: string, regardedSchemaName: string): Relationship {
  return { name: `${regardedSchemaName.toLowerCase()}_${activity}`, referencing: activity, referenced: regardedSchemaName, attribute: 'regardingobjectid', cascade: 'regarding', navigation: `regardingobjectid_${regardedSchemaName.toLowerCase()}_${activity}` };
}

export function relationshipFiles(relationships: Relationship[]): Map<string, XmlElement> {
  const files = new Map<string, XmlElement>();
  const sorted = [...relationships].sort((a, b) => a.name.localeCompare(b.name));
  files.set('Other/Relationships.xml', el('EntityRelationships', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' }, ...sorted.map((r) => el('EntityRelationship', { Name: r.name }))));
  const byReferenced = new Map<string, Relationship[]>();
  for (const r of sorted) byReferenced.set(r.referenced, [...(byReferenced.get(r.referenced) ?? []), r]);
  for (const [referenced, list] of byReferenced) {
    files.set(`Other/Relationships/${referenced}.xml`, el('EntityRelationships', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' }, ...list.map(relationshipXml)));
  }
  return files;
}
