/** One-to-many and many-to-many relationships; the tables of the solution get their storage after them. */
import { errors } from '../../http/errors';
import { col, defineTable } from '../../metadata/build';
import type { ComponentImporter } from './context';
import { list, text, X } from './xml';

export const relationshipsImporter: ComponentImporter = {
  name: 'relationships',
  sections: ['EntityRelationships'],
  run({ engine, customizations, report }) {
    for (const r of list<X>((customizations.EntityRelationships as X | undefined)?.EntityRelationship)) {
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
    for (const t of report.tables) engine.store.ensureTable(engine.table(t));
  },
};
