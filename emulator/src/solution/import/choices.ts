/** Global choices (optionsets), imported first: columns refer to them by name. */
import { stableId } from '../../util/ids';
import type { ComponentImporter } from './context';
import { labelsOf, list, optionsOf, text, X } from './xml';

export const choicesImporter: ComponentImporter = {
  name: 'global choices',
  sections: ['optionsets'],
  run({ engine, customizations }) {
    for (const os of list<X>((customizations.optionsets as X | undefined)?.optionset)) {
      const name = String(os['@_Name'] ?? '').toLowerCase();
      engine.schema.model.optionSets[name] = { name, type: text(os.OptionSetType) === 'bit' ? 'Boolean' : 'Picklist', label: labelsOf(os.displaynames, 'displayname'), options: optionsOf(os), metadataId: stableId(`optionset:${name}`) };
    }
  },
};
