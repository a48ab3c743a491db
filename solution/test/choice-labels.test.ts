/**
 * The labels of every choice in the packed solutions are the product contract's (core), in English
 * and French, so a form shows what the backend and the browser code say.
 */
import { XMLParser } from 'fast-xml-parser';
import {
  campaignStateLabel,
  CampaignSmsStatus,
  CampaignSmsStatusLabels,
  DeliveryStatus,
  DeliveryStatusLabels,
  OptOutSource,
  OptOutSourceLabels,
  RecipientType,
  RecipientTypeLabels,
  SmsDirection,
  SmsDirectionLabels,
  SmsProvider,
  SmsProviderLabels,
  SmsType,
  SmsTypeLabels,
  TemplateStatus,
  TemplateStatusLabels,
  type CampaignState,
  type ChoiceLabel,
} from '@smsc/core';
import { entriesOf, FIXTURE_BUILD_ROOT, packAllWith } from './support';

type Labels = Record<string, ChoiceLabel>;
const CONTRACT: Record<string, [Record<string, number>, Labels]> = {
  smsc_smstype: [SmsType, SmsTypeLabels],
  smsc_smsdirection: [SmsDirection, SmsDirectionLabels],
  smsc_deliverystatus: [DeliveryStatus, DeliveryStatusLabels],
  smsc_templatestatus: [TemplateStatus, TemplateStatusLabels],
  smsc_smsprovider: [SmsProvider, SmsProviderLabels],
  smsc_optoutsource: [OptOutSource, OptOutSourceLabels],
  smsc_recipienttype: [RecipientType, RecipientTypeLabels],
  smsc_campaignsmsstatus: [CampaignSmsStatus, CampaignSmsStatusLabels],
};

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['optionset', 'option', 'label'].includes(name) });
type Node = Record<string, unknown>;

/** Option set name → option value → { lcid: label }, as the packed customizations.xml carries them. */
function packedOptionSets(): Map<string, Map<number, Record<number, string>>> {
  const sets = new Map<string, Map<number, Record<number, string>>>();
  for (const packed of packAllWith(FIXTURE_BUILD_ROOT, true)) {
    const xml = Buffer.from(entriesOf(packed).get('customizations.xml')!).toString('utf8');
    const root = parser.parse(xml).ImportExportXml as Node;
    for (const set of ((root.optionsets as Node | undefined)?.optionset ?? []) as Node[]) {
      const options = new Map<number, Record<number, string>>();
      for (const option of ((set.options as Node).option ?? []) as Node[]) {
        const labels: Record<number, string> = {};
        for (const l of ((option.labels as Node).label ?? []) as Node[]) labels[Number(l.languagecode)] = String(l.description);
        options.set(Number(option.value), labels);
      }
      sets.set(String(set.Name), options);
    }
  }
  return sets;
}

describe('choice labels in the packed solutions', () => {
  const packed = packedOptionSets();

  it('ship every choice of the contract and nothing else', () => {
    expect([...packed.keys()].sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it.each(Object.keys(CONTRACT))('%s has the contract labels in English and French', (name) => {
    const [values, labels] = CONTRACT[name]!;
    const options = packed.get(name)!;
    expect(options.size).toBe(Object.keys(values).length);
    for (const [key, value] of Object.entries(values)) {
      expect(options.get(value)?.[1033]).toBe(labels[key]!.en);
      expect(options.get(value)?.[1036]).toBe(labels[key]!.fr);
    }
  });

  it('name the campaign statuses as the backend writes them', () => {
    const options = packed.get('smsc_campaignsmsstatus')!;
    for (const [state, value] of Object.entries(CampaignSmsStatus)) {
      expect(options.get(value)?.[1033]).toBe(campaignStateLabel(state as CampaignState, 'en'));
      expect(options.get(value)?.[1036]).toBe(campaignStateLabel(state as CampaignState, 'fr'));
    }
  });
});
