/** Tables and their columns and keys; a system table gains the solution's columns and status reasons. */
import { errors } from '../../http/errors';
import { col, defineTable } from '../../metadata/build';
import { TableDef } from '../../metadata/model';
import { ACTIVITY_STATES, activityColumns } from '../../metadata/standard-tables';
import { stableId } from '../../util/ids';
import { parseAttribute } from './attributes';
import type { ComponentImporter } from './context';
import { bool, child, labelsOf, list, text, X } from './xml';

/** Platform columns keep their definition; a solution adds or changes the others. */
const PLATFORM_COLUMNS = ['createdon', 'modifiedon', 'createdby', 'modifiedby', 'versionnumber', 'ownerid', 'owninguser', 'owningteam', 'owningbusinessunit'];

/** The `<Entity>` elements of customizations.xml, with their logical names. */
export function entitiesOf(customizations: X): Array<{ logicalName: string; entity: X }> {
  return list<X>((customizations.Entities as X | undefined)?.Entity).map((entity) => {
    const info = child(entity.EntityInfo, 'entity');
    const logicalName = text(entity.Name).toLowerCase() || String(info['@_Name'] ?? '').toLowerCase();
    if (!logicalName) throw errors.invalidArgument('An <Entity> in customizations.xml has no Name.');
    return { logicalName, entity };
  });
}

export const entitiesImporter: ComponentImporter = {
  name: 'tables',
  sections: ['Entities'],
  run({ engine, customizations, report }) {
    for (const { logicalName, entity } of entitiesOf(customizations)) {
      const info = child(entity.EntityInfo, 'entity');
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
            states: states && statuses ? [states.def, statuses.def] : isActivity ? ACTIVITY_STATES : undefined,
          },
          isActivity ? activityColumns() : [col.text(primaryName, 100, 'Name', 'Nom')],
        );
        if (engine.schema.tableBySet(entitySetName)) throw errors.invalidArgument(`The entity set name '${entitySetName}' of ${logicalName} is already used by another table.`);
      }
      for (const { def } of attributes) {
        if (def.logicalName === table.primaryIdAttribute) continue;
        const current = table.attributes[def.logicalName];
        if (current && PLATFORM_COLUMNS.includes(def.logicalName)) continue;
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
    }
  },
};
