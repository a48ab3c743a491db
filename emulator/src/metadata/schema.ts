/**
 * The live schema: lookups by logical name and entity set, and the navigation properties that
 * the Web API accepts in @odata.bind, $expand and $ref, named as Dataverse names them.
 */
import { AttributeDef, isLookupType, ManyToManyDef, OneToManyDef, SchemaModel, TableDef } from './model';
import { STANDARD_OPTION_SETS } from './standard-option-sets';
import { STANDARD_MANY_TO_MANY, STANDARD_ONE_TO_MANY, STANDARD_TABLES } from './standard-tables';

export type Navigation =
  /** Single-valued: a lookup column of this table, fixed to one target. */
  | { kind: 'lookup'; name: string; attribute: AttributeDef; target?: string }
  /** Collection-valued, one-to-many: rows of `table` whose `attribute` points here. */
  | { kind: 'oneToMany'; name: string; table: string; attribute: string; targetFixed?: boolean }
  /** Collection-valued, many-to-many through an intersect table. */
  | { kind: 'manyToMany'; name: string; relationship: ManyToManyDef; other: string; thisIsEntity1: boolean }
  /** The activity parties of an activity. */
  | { kind: 'parties'; name: string };

export class Schema {
  readonly model: SchemaModel;
  private bySet = new Map<string, TableDef>();

  constructor(model?: SchemaModel) {
    this.model = model ?? {
      tables: Object.fromEntries(STANDARD_TABLES.map((t) => [t.logicalName, structuredClone(t)])),
      oneToMany: structuredClone(STANDARD_ONE_TO_MANY),
      manyToMany: structuredClone(STANDARD_MANY_TO_MANY),
      optionSets: Object.fromEntries(STANDARD_OPTION_SETS.map((o) => [o.name, structuredClone(o)])),
    };
    this.reindex();
  }

  reindex(): void {
    this.bySet.clear();
    for (const t of Object.values(this.model.tables)) this.bySet.set(t.entitySetName, t);
  }

  tables(): TableDef[] {
    return Object.values(this.model.tables);
  }

  table(logicalName: string): TableDef | undefined {
    return this.model.tables[logicalName.toLowerCase()];
  }

  tableBySet(entitySetName: string): TableDef | undefined {
    return this.bySet.get(entitySetName);
  }

  activityTables(): TableDef[] {
    return this.tables().filter((t) => t.isActivity && t.logicalName !== 'activitypointer');
  }

  /** Targets of a lookup, with "*" expanded to every table that can be regarded/annotated. */
  targetsOf(table: TableDef, attribute: AttributeDef): string[] {
    const targets = attribute.targets ?? [];
    if (!targets.includes('*')) return targets;
    return this.tables()
      .filter((t) => !t.isActivity || attribute.logicalName === 'objectid' || table.logicalName === 'asyncoperation')
      .map((t) => t.logicalName);
  }

  /** Resolves a navigation property of a table by its exact (case-sensitive) name. */
  navigation(table: TableDef, name: string): Navigation | undefined {
    if (table.isActivity && name === `${table.logicalName}_activity_parties`) return { kind: 'parties', name };
    for (const attribute of Object.values(table.attributes)) {
      if (!isLookupType(attribute.type)) continue;
      const targets = this.targetsOf(table, attribute);
      if (targets.length === 1 || attribute.type === 'Owner') {
        if (this.singleNavigationName(table, attribute) === name) return { kind: 'lookup', name, attribute, target: attribute.type === 'Owner' ? undefined : targets[0] };
      }
      for (const target of targets) {
        if (this.polymorphicNavigationName(table, attribute, target) === name) return { kind: 'lookup', name, attribute, target };
      }
    }
    for (const r of this.model.oneToMany) {
      if (r.referencedEntity === table.logicalName && r.referencedNavigation === name) return { kind: 'oneToMany', name, table: r.referencingEntity, attribute: r.referencingAttribute };
    }
    for (const r of this.model.manyToMany) {
      if (r.entity1 === table.logicalName && r.entity1Navigation === name) return { kind: 'manyToMany', name, relationship: r, other: r.entity2, thisIsEntity1: true };
      if (r.entity2 === table.logicalName && r.entity2Navigation === name) return { kind: 'manyToMany', name, relationship: r, other: r.entity1, thisIsEntity1: false };
    }
    // Regarding and notes: "<table>_<activity set>" style collections are not modelled; activities
    // of a record are read through activitypointers?$filter=_regardingobjectid_value eq id.
    return undefined;
  }

  /** The single-valued navigation name of a lookup with one target (or of ownerid). */
  singleNavigationName(table: TableDef, attribute: AttributeDef): string {
    const r = this.model.oneToMany.find((x) => x.referencingEntity === table.logicalName && x.referencingAttribute === attribute.logicalName);
    return r?.referencingNavigation ?? attribute.logicalName;
  }

  /** Polymorphic lookups bind per target: parentcustomerid_account, regardingobjectid_contact_task… */
  polymorphicNavigationName(table: TableDef, attribute: AttributeDef, target: string): string {
    if (table.isActivity && attribute.logicalName === 'regardingobjectid') return `regardingobjectid_${target}_${table.logicalName}`;
    if (table.isActivity && attribute.logicalName === 'activityid') return `activityid_${target}`;
    return `${attribute.logicalName}_${target}`;
  }

  /** The navigation name used for `Microsoft.Dynamics.CRM.associatednavigationproperty`. */
  navigationNameFor(table: TableDef, attribute: AttributeDef, target: string): string {
    const targets = this.targetsOf(table, attribute);
    if (attribute.type === 'Owner' || targets.length === 1) return this.singleNavigationName(table, attribute);
    return this.polymorphicNavigationName(table, attribute, target);
  }

  addOneToMany(r: OneToManyDef): void {
    this.model.oneToMany = this.model.oneToMany.filter((x) => x.schemaName !== r.schemaName);
    this.model.oneToMany.push(r);
  }

  addManyToMany(r: ManyToManyDef): void {
    this.model.manyToMany = this.model.manyToMany.filter((x) => x.schemaName !== r.schemaName);
    this.model.manyToMany.push(r);
  }

  toJSON(): SchemaModel {
    return this.model;
  }
}
