/** OptionSets/<name>.xml: a global choice with the option values of the product contract. */
import type { ChoiceDefinition } from '../../definitions/choices';
import { el, type XmlElement } from '../xml/tree';
import { labelsElement, optionsXml } from './attribute-xml';
import { INTRODUCED_VERSION } from './entity';

export function optionSetXml(choice: ChoiceDefinition): XmlElement {
  return el(
    'optionset',
    { Name: choice.name, localizedName: choice.label.en, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance' },
    el('OptionSetType', {}, 'picklist'),
    el('IsGlobal', {}, '1'),
    el('IntroducedVersion', {}, INTRODUCED_VERSION),
    el('IsCustomizable', {}, '1'),
    labelsElement('displaynames', 'displayname', choice.label),
    labelsElement('Descriptions', 'Description', choice.description),
    optionsXml(choice.options),
  );
}
