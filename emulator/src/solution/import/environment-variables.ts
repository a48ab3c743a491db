/** Environment variable definitions and the values a solution carries (environmentvariabledefinitions/). */
import { strFromU8 } from 'fflate';
import { parseGuid, stableId } from '../../util/ids';
import type { ComponentImporter } from './context';
import { bool, list, text, X } from './xml';

export const environmentVariablesImporter: ComponentImporter = {
  name: 'environment variables',
  sections: [],
  async run({ files, read, upsert }) {
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
      if (!files[valuesFile]) continue;
      const parsed = JSON.parse(strFromU8(files[valuesFile]).replace(/^\uFEFF/, '')) as { environmentvariablevalues?: { environmentvariablevalue?: X | X[] } };
      for (const v of list<X>(parsed.environmentvariablevalues?.environmentvariablevalue)) {
        await upsert('environmentvariablevalue', parseGuid(v['@environmentvariablevalueid']) ?? stableId(`environmentvariablevalue:${schemaName}`), { schemaname: schemaName, value: String(v.value ?? ''), 'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${defId})` });
      }
    }
  },
};
