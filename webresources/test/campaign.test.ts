import { CampaignSmsStatus, RecipientType, SmsType, TemplateStatus, type CampaignState } from '@smsc/core';
import * as CampaignForm from '../src/campaign/campaign-form';
import * as CampaignRibbon from '../src/campaign/campaign-ribbon';
import { userInfo } from '@smsc/browser-shared';
import { controlOf, fakeData, fakeDialogs, fakePorts, mockForm, notice } from './fakes';

const ID = '{FFFF0000-0000-0000-0000-000000000006}';
const STATES = Object.keys(CampaignSmsStatus) as CampaignState[];
const ACTIONS = ['simulate', 'prepare', 'send', 'cancel', 'refresh'];
const MARKETER = userInfo(1033, ['SMS User', 'SMS Marketer']);

function campaign(state: CampaignState, options: { id?: string; text?: string; recipientType?: number | null } = {}) {
  const form = mockForm({
    entityName: 'campaign',
    id: options.id ?? ID,
    primaryValue: 'Spring sale',
    strings: { smsc_text: options.text ?? 'Spring sale -20%. STOP au 36111', smsc_sender: null },
    options: { smsc_status: CampaignSmsStatus[state], smsc_smstype: null, smsc_recipienttype: options.recipientType ?? null },
    lookups: { smsc_templateid: null },
    dates: { actualstart: null },
    labels: { smsc_text: 'Text' },
  });
  form.data.entity.getIsDirty = () => false;
  form.data.refresh = (() => Promise.resolve()) as unknown as Xrm.Data['refresh'];
  const ribbonRefreshes: number[] = [];
  form.ui.refreshRibbon = () => void ribbonRefreshes.push(1);
  return Object.assign(form, { ribbonRefreshes });
}

describe('campaign ribbon enable rules', () => {
  const expected: Record<CampaignState, string[]> = {
    NotTransmitted: ['simulate', 'prepare'],
    Building: ['cancel', 'refresh'],
    Ready: ['send', 'cancel', 'refresh'],
    Sent: ['refresh'],
    Failed: ['simulate', 'prepare'],
  };
  test.each(STATES)('state %s enables exactly its lifecycle actions for a marketer', (state) => {
    const form = campaign(state);
    expect(ACTIONS.filter((action) => CampaignRibbon.isEnabled(form, MARKETER, action))).toEqual(expected[state]);
  });

  test.each(STATES)('state %s enables nothing for a user without SMS Marketer or SMS Administrator', (state) => {
    const form = campaign(state);
    const user = userInfo(1036, ['SMS User', 'Salesperson']);
    expect(ACTIONS.filter((action) => CampaignRibbon.isEnabled(form, user, action))).toEqual([]);
  });

  test('an SMS administrator has the same commands as a marketer; an unsaved campaign has none', () => {
    const admin = userInfo(1033, ['SMS Administrator']);
    expect(ACTIONS.filter((action) => CampaignRibbon.isEnabled(campaign('Ready'), admin, action))).toEqual(['send', 'cancel', 'refresh']);
    expect(ACTIONS.filter((action) => CampaignRibbon.isEnabled(campaign('NotTransmitted', { id: '' }), MARKETER, action))).toEqual([]);
    expect(CampaignRibbon.isEnabled(campaign('Ready'), MARKETER, 'launch')).toBe(false);
  });
});

describe('campaign ribbon commands', () => {
  const statusRow = (progress: number | null, extra: Record<string, unknown> = {}) => ({
    smsc_status: CampaignSmsStatus.Ready,
    smsc_progress: progress,
    smsc_lastresult: progress === 100 ? '1250 recipients. 3 errors.' : null,
    smsc_recipientcount: 1250,
    othercost: 37.5,
    'othercost@OData.Community.Display.V1.FormattedValue': '€37.50',
    ...extra,
  });

  test('Send confirms with the recipient count and cost, calls its Custom API and follows the progress', async () => {
    const progress = [null, 20, 60, 100];
    let reads = 0;
    const data = fakeData({ retrieve: () => statusRow(progress[Math.min(reads++, progress.length - 1)] ?? null) });
    const dialogs = fakeDialogs(true);
    const ports = fakePorts({ data, dialogs, roles: ['SMS Marketer'] });
    const form = campaign('Ready');
    await CampaignRibbon.run(form, ports, 'send');
    expect(dialogs.log[0]).toBe('confirm: Send the SMS campaign | Send Campaign "Spring sale" to 1,250 recipients for €37.50? This cannot be undone.');
    expect(data.calls.filter((c) => c.method === 'callCustomApi')).toEqual([
      { method: 'callCustomApi', args: [{ name: 'smsc_SendCampaign', target: { entityType: 'campaign', id: ID } }] },
    ]);
    expect(dialogs.log.filter((l) => l.startsWith('progress'))).toEqual([
      'progress: Send SMS: Campaign "Spring sale"…',
      'progress: Send SMS: Campaign "Spring sale"… 20 %',
      'progress: Send SMS: Campaign "Spring sale"… 60 %',
      'progress closed',
    ]);
    expect(ports.slept).toEqual([CampaignRibbon.POLL_INTERVAL_MS, CampaignRibbon.POLL_INTERVAL_MS]);
    expect(notice(form, CampaignRibbon.RUN_NOTICE)).toEqual({ uniqueId: CampaignRibbon.RUN_NOTICE, level: 'INFO', message: 'Send SMS (Campaign "Spring sale"): 1250 recipients. 3 errors.' });
    expect(form.ribbonRefreshes).toHaveLength(1);
  });

  test('declining the confirmation sends nothing', async () => {
    const data = fakeData({ retrieve: () => statusRow(null) });
    const form = campaign('Ready');
    await CampaignRibbon.run(form, fakePorts({ data, dialogs: fakeDialogs(false), languageId: 1036 }), 'cancel');
    expect(data.calls.some((c) => c.method === 'callCustomApi')).toBe(false);
  });

  test('Cancel asks in French, with count and cost', async () => {
    const data = fakeData({ retrieve: () => statusRow(null, { 'othercost@OData.Community.Display.V1.FormattedValue': '37,50 €' }) });
    const dialogs = fakeDialogs(false);
    await CampaignRibbon.run(campaign('Building'), fakePorts({ data, dialogs, languageId: 1036 }), 'cancel');
    expect(dialogs.log).toEqual([
      `confirm: Annuler la campagne SMS | Annuler Campagne « Spring sale » (${new Intl.NumberFormat('fr-FR').format(1250)} destinataires, 37,50 €) ? Elle revient au statut « Campagne non transmise » et devra être préparée à nouveau.`,
    ]);
  });

  test('progress is followed a bounded number of times', async () => {
    const data = fakeData({ retrieve: () => statusRow(40) });
    const ports = fakePorts({ data, dialogs: fakeDialogs(true) });
    const form = campaign('NotTransmitted');
    await CampaignRibbon.run(form, ports, 'prepare');
    expect(ports.slept).toHaveLength(CampaignRibbon.MAX_POLLS);
    expect(notice(form, CampaignRibbon.RUN_NOTICE)?.message).toBe('Prepare (Campaign "Spring sale") is still running (40 %): use "Refresh status" later.');
  });

  test('an action the lifecycle refuses is explained, not sent', async () => {
    const data = fakeData();
    const form = campaign('Sent');
    await CampaignRibbon.run(form, fakePorts({ data }), 'prepare');
    expect(data.calls).toEqual([]);
    expect(notice(form, CampaignRibbon.RUN_NOTICE)).toMatchObject({ level: 'WARNING', message: 'The action "Prepare" is not allowed when the campaign status is "Sent". (Campaign "Spring sale")' });
  });

  test('a backend error is an error notification naming the campaign and the action', async () => {
    const data = fakeData({
      retrieve: () => ({ smsc_status: CampaignSmsStatus.NotTransmitted, smsc_progress: null, smsc_lastresult: '3 recipients. 0 errors.' }),
      customApi: () => {
        throw { message: 'No marketing list on this campaign.' };
      },
    });
    const dialogs = fakeDialogs();
    const form = campaign('NotTransmitted');
    await CampaignRibbon.run(form, fakePorts({ data, dialogs }), 'simulate');
    expect(notice(form, CampaignRibbon.RUN_NOTICE)).toEqual({
      uniqueId: CampaignRibbon.RUN_NOTICE,
      level: 'ERROR',
      message: 'Simulate (Campaign "Spring sale") failed: No marketing list on this campaign.',
    });
    expect(dialogs.log).toEqual(['progress: Simulate: Campaign "Spring sale"…', 'progress closed']);
  });

  test('the reason the backend wrote on the campaign is shown rather than the generic call error', async () => {
    let lastResult = '3 recipients. 0 errors.';
    const data = fakeData({
      retrieve: () => ({ smsc_status: CampaignSmsStatus.NotTransmitted, smsc_progress: null, smsc_lastresult: lastResult }),
      customApi: () => {
        lastResult = 'Campaign "Spring sale": all marketing lists must target the same table; "VIP" → contact, "Leads" → lead.';
        throw { message: "Webhook step 'smsc_SmsConnectorBackend: smsc_SimulateCampaign' failed: HTTP 400." };
      },
    });
    const form = campaign('NotTransmitted');
    await CampaignRibbon.run(form, fakePorts({ data }), 'simulate');
    expect(notice(form, CampaignRibbon.RUN_NOTICE)?.message).toBe('Simulate (Campaign "Spring sale") failed: Campaign "Spring sale": all marketing lists must target the same table; "VIP" → contact, "Leads" → lead.');
  });

  test('Refresh without progress reports the new status', async () => {
    const data = fakeData({ retrieve: () => ({ smsc_status: CampaignSmsStatus.Ready, smsc_progress: null, smsc_lastresult: null }) });
    const form = campaign('Building');
    await CampaignRibbon.run(form, fakePorts({ data, languageId: 1036 }), 'refresh');
    expect(notice(form, CampaignRibbon.RUN_NOTICE)?.message).toBe('Rafraîchir le statut (Campagne « Spring sale ») : terminé. Statut « Campagne prête à l’envoi ».');
  });
});

describe('campaign form', () => {
  const CONFIG = {
    smsc_configurationid: 'cfg',
    smsc_campaignallowtypechoice: false,
    smsc_campaigndefaultsmstype: SmsType.Marketing,
    smsc_campaignallowcustomsender: true,
    smsc_campaigndefaultsender: 'SPRING',
  };
  function lists(codes: number[]) {
    return (entity: string) =>
      entity === 'smsc_configuration' ? [CONFIG] : entity === 'campaignitem' ? codes.map((_, i) => ({ entityid: `l${i}` })) : codes.map((code, i) => ({ listname: `List ${i}`, createdfromcode: code }));
  }

  test('derives the recipient type from the marketing lists and applies campaign preferences', async () => {
    const data = fakeData({ retrieveMultiple: lists([2, 2]) });
    const form = campaign('NotTransmitted');
    await CampaignForm.onLoad(form, fakePorts({ data }));
    expect(form.getAttribute('smsc_recipienttype')?.getValue()).toBe(RecipientType.Contact);
    expect(controlOf(form, 'smsc_recipienttype').getDisabled()).toBe(true);
    expect(controlOf(form, 'smsc_smstype').getVisible()).toBe(false);
    expect(form.getAttribute('smsc_smstype')?.getValue()).toBe(SmsType.Marketing);
    expect(form.getAttribute('smsc_sender')?.getValue()).toBe('SPRING');
    expect(data.calls.map((c) => c.args)).toContainEqual(['campaignitem', "?$select=entityid&$filter=_campaignid_value eq ffff0000-0000-0000-0000-000000000006 and entitytype eq 'list'"]);
    expect(data.calls.map((c) => c.args)).toContainEqual(['list', '?$select=listname,createdfromcode&$filter=listid eq l0 or listid eq l1']);
  });

  test('lists of different tables are an error naming the campaign', async () => {
    const data = fakeData({ retrieveMultiple: lists([2, 4]) });
    const form = campaign('NotTransmitted');
    await CampaignForm.onLoad(form, fakePorts({ data }));
    expect(notice(form, CampaignForm.LISTS_NOTICE)).toMatchObject({ level: 'ERROR', message: 'The marketing lists of Campaign "Spring sale" target different tables (contact, lead): an SMS campaign sends to one table only.' });
  });

  test('once transmitted the SMS section is locked', async () => {
    const data = fakeData({ retrieveMultiple: lists([1]) });
    const form = campaign('Ready', { recipientType: RecipientType.Account });
    await CampaignForm.onLoad(form, fakePorts({ data, languageId: 1036 }));
    expect(controlOf(form, 'smsc_text').getDisabled()).toBe(true);
    expect(controlOf(form, 'smsc_templateid').getDisabled()).toBe(true);
    expect(notice(form, CampaignForm.LOCK_NOTICE)?.message).toBe('Le SMS de Campagne « Spring sale » ne peut plus être modifié : son statut est « Campagne prête à l’envoi ».');
  });

  test('the counter checks the 489-character campaign maximum', () => {
    const form = campaign('NotTransmitted', { text: 'x'.repeat(490) });
    CampaignForm.onTextChange(form, fakePorts());
    expect(notice(form, 'smsc_counter')).toMatchObject({ level: 'ERROR', message: 'Text: 490 characters: the maximum is 489.' });
  });

  test('templates are filtered on the recipient table and copied as written', async () => {
    const data = fakeData({ retrieveMultiple: lists([4]), retrieve: () => ({ smsc_name: 'Promo', smsc_text: 'Hi [firstname], -20%. STOP au 36111', smsc_entity: 'lead' }) });
    const form = campaign('NotTransmitted', { recipientType: RecipientType.Lead });
    await CampaignForm.onLoad(form, fakePorts({ data }));
    const control = controlOf(form, 'smsc_templateid') as unknown as { firePreSearch(): void; filters: Array<{ filter: string }> };
    control.firePreSearch();
    expect(control.filters[0]?.filter).toContain(`value="${TemplateStatus.Published}"`);
    expect(control.filters[0]?.filter).toContain('attribute="smsc_entity" operator="eq" value="lead"');
    form.getAttribute('smsc_templateid')?.setValue([{ id: '{T1}', entityType: 'smsc_smstemplate', name: 'Promo' }]);
    await CampaignForm.onTemplateChange(form, fakePorts({ data }));
    expect(form.getAttribute('smsc_text')?.getValue()).toBe('Hi [firstname], -20%. STOP au 36111');
  });
});
