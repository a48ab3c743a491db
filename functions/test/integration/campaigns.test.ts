import { CampaignSmsStatus, DeliveryStatus, OptOutSource } from '@smsc/core';
import { startStack, eventually, type Stack } from '../support/stack';
import { campaign, campaignRow, contact, dynamicList, nextTuesdayTenParis, notes, orderedId, staticList } from '../support/campaign-data';
import { stableId } from '../../../emulator/src/index';

let stack: Stack;
const C = (n: number) => orderedId(7, n);
let staticId: string;
let dynamicId: string;

beforeAll(async () => {
  stack = await startStack({ storage: true, solutions: ['SmsConnector', 'SmsConnectorSales'], env: { CAMPAIGN_CHUNK_SIZE: '2', REPORT_RETRY_SECONDS: '1' }, log: process.env.STACK_LOG ? (l) => console.log(l) : undefined });
  const api = stack.api;
  const city = 'Campaignville';
  await contact(api, C(1), { firstname: 'Alice', lastname: 'Arnaud', mobilephone: '06 11 22 33 01', address1_city: city });
  await contact(api, C(2), { firstname: 'Bruno', lastname: 'Blanc', mobilephone: '+33 6 11 22 33 02' });
  await contact(api, C(3), { firstname: 'Clara', lastname: 'Clark', mobilephone: '+44 7400 123403', address1_city: city });
  await contact(api, C(4), { firstname: 'Denis', lastname: 'Durand', mobilephone: '06 11 22 33 04' });
  await contact(api, C(5), { firstname: 'Eve', lastname: 'Etienne', mobilephone: '12 34', address1_city: city });
  await contact(api, C(6), { firstname: 'Fanny', lastname: 'Faure', mobilephone: null });
  await contact(api, C(7), { firstname: 'Gilles', lastname: 'Garnier', mobilephone: '0033 6 11 22 33 01' });
  await contact(api, C(8), { firstname: 'Hugo', lastname: 'Henry', mobilephone: '06 11 22 33 08' });
  await api.update({ collection: 'contacts', key: C(8), data: { statecode: 1, statuscode: 2 } });
  await api.create({ collection: 'smsc_optouts', data: { smsc_name: '+33611223304', smsc_phonenumber: '+33611223304', smsc_source: OptOutSource.StopReply, smsc_optedouton: new Date().toISOString() } });
  staticId = await staticList(api, 'A static list', 'contact', [C(1), C(2), C(4), C(6), C(7), C(8)]);
  dynamicId = await dynamicList(
    api,
    'B dynamic list',
    `<fetch version="1.0" mapping="logical"><entity name="contact"><attribute name="fullname" /><order attribute="fullname" /><filter type="and"><condition attribute="address1_city" operator="eq" value="${city}" /></filter></entity></fetch>`,
  );
}, 120_000);
afterAll(() => stack?.stop());

async function run(action: 'Simulate' | 'Prepare' | 'Send' | 'Cancel' | 'RefreshStatus', id: string) {
  const name = action === 'RefreshStatus' ? 'smsc_RefreshCampaignStatus' : `smsc_${action}Campaign`;
  return stack.api.callAction({ actionName: `Microsoft.Dynamics.CRM.${name}`, collection: 'campaigns', key: id });
}

const until = (id: string, check: (row: Record<string, unknown>) => boolean, what: string) =>
  eventually(async () => {
    const row = await campaignRow(stack.api, id);
    if (check(row)) return row;
    // What the form's "Refresh status" does while the provider builds the campaign.
    if (row.smsc_status === CampaignSmsStatus.Building && row.smsc_providercampaignid) await run('RefreshStatus', id);
    return null;
  }, 30_000, what);

test('simulation: static and dynamic lists with overlaps, an opt-out, no STOP mention, a bad number, no number, a duplicate number', async () => {
  const id = await campaign(stack.api, 'Simulation', [staticId, dynamicId], { smsc_text: 'Bonjour [firstname], -20% chez [parentcustomerid.name|nous] !' });
  await run('Simulate', id);
  const row = await until(id, (r) => r.smsc_progress === 100, 'simulation');
  expect(row).toMatchObject({ smsc_status: CampaignSmsStatus.NotTransmitted, smsc_recipientcount: 7, smsc_errorcount: 6, smsc_lastresult: '7 recipients. 6 errors.' });
  const [note] = await notes(stack.api, id);
  expect(note).toMatchObject({ filename: 'resume.csv', text: '7 recipients. 6 errors.' });
  expect(note!.subject).toMatch(/^Simulation summary \(\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\)$/);
  expect(note!.content).toBe(
    '\uFEFFSTATUT;DETAIL;NUMERO;SMS\r\n' +
      "ECHEC;The mention 'STOP au XXXXX' must be present.;+33611223301;Bonjour Alice, -20% chez nous !\r\n" +
      "ECHEC;The mention 'STOP au XXXXX' must be present.;+33611223302;Bonjour Bruno, -20% chez nous !\r\n" +
      "ECHEC;The mention 'STOP au XXXXX' must be present. The number +33611223304 has opted out (STOP): not sent.;+33611223304;Bonjour Denis, -20% chez nous !\r\n" +
      'ECHEC;No mobile number for Fanny Faure.;;Bonjour Fanny, -20% chez nous !\r\n' +
      "ECHEC;The mention 'STOP au XXXXX' must be present. Duplicate number +33611223301: already sent to Alice Arnaud.;+33611223301;Bonjour Gilles, -20% chez nous !\r\n" +
      'SUCCES;;+447400123403;Bonjour Clara, -20% chez nous !\r\n' +
      'ECHEC;"The number ""12 34"" is too short for France.";12 34;Bonjour Eve, -20% chez nous !\r\n',
  );
});

test('prepare → Ready with the provider cost; send → one completed activity per valid recipient; nothing sent twice despite 5xx and a crash', async () => {
  const sendAt = nextTuesdayTenParis();
  const id = await campaign(stack.api, 'Spring sale', [staticId, dynamicId], {
    smsc_text: 'Bonjour [firstname], -20% ce week-end. STOP au XXXXX',
    actualstart: sendAt.toISOString(),
  });
  // 20% of the provider's list calls fail with 5xx, and one step crashes after its work.
  stack.sandbox.configure({ seed: 3, faults: [{ path: 'contact/create', rate: 0.2, status: 503 }, { path: 'sms-campaign-on-list/create', rate: 0.2, status: 500 }, { path: 'sms-campaign-on-list/send', rate: 0.2, status: 502 }] });
  const worker = stack.services.campaigns!.worker;
  const original = worker.handle.bind(worker);
  const crashed = new Set<string>();
  worker.handle = async (step) => {
    await original(step);
    // Once per kind: chunk 1's upload and chunk 1's activities are lost after their work is done.
    if ((step.kind === 'upload' || step.kind === 'activities') && step.chunk === 1 && !crashed.has(step.kind)) {
      crashed.add(step.kind);
      throw new Error('instance lost after its work (injected)');
    }
  };
  // And the step that keeps the provider's ticket is lost before it tells the campaign.
  const campaigns = (worker as unknown as { deps: { campaigns: { update: (id: string, patch: { providerCampaignId?: string | null }, etag?: string) => Promise<void> } } }).deps.campaigns;
  const update = campaigns.update;
  campaigns.update = async (...args) => {
    if (args[1].providerCampaignId && !crashed.has('create')) {
      crashed.add('create');
      throw new Error('instance lost between keeping the ticket and telling the campaign (injected)');
    }
    return update.apply(campaigns, args);
  };
  try {
    await run('Prepare', id);
    const building = await until(id, (r) => r.smsc_status !== CampaignSmsStatus.NotTransmitted && r.smsc_providercampaignid !== null, 'transmission');
    expect([CampaignSmsStatus.Building, CampaignSmsStatus.Ready]).toContain(building.smsc_status);
    const ready = await until(id, (r) => r.smsc_status === CampaignSmsStatus.Ready, 'ready');
    // Valid: Alice (+33…01), Bruno (+33…02), Clara (+44); Denis opted out and Gilles a duplicate (skipped); Eve and Fanny errors.
    expect(ready).toMatchObject({ smsc_recipientcount: 7, smsc_errorcount: 2, othercost: expect.any(Number) });
    expect(String(ready.smsc_lastresult)).toMatch(/^Ready to send: 3 SMS, cost €/);
    expect(ready.othercost).toBeGreaterThan(0);
    const transmission = (await notes(stack.api, id)).find((n) => n.filename === 'transmission.csv');
    expect(transmission?.subject).toMatch(/^Transmission summary \(/);

    await run('Send', id);
    const sent = await until(id, (r) => r.smsc_status === CampaignSmsStatus.Sent && r.smsc_progress === 100, 'sent and recorded');
    expect(String(sent.smsc_lastresult)).toMatch(/^Sent: 3 SMS, leaving on /);

    const messages = stack.sandbox.messages().filter((m) => m.ticket === ready.smsc_providercampaignid);
    expect(messages.map((m) => m.recipient).sort()).toEqual(['+33611223301', '+33611223302', '+447400123403']);
    expect(messages.find((m) => m.recipient === '+33611223301')?.text).toBe('Bonjour Alice, -20% ce week-end. STOP au 30101');
    expect(messages.every((m) => m.status === 'scheduled')).toBe(true);

    const activities = await stack.api.retrieveMultiple<Record<string, unknown>>({
      collection: 'smsc_smses',
      select: ['smsc_phonenumber', 'smsc_text', 'smsc_deliverystatus', 'statecode', '_regardingobjectid_value', '_smsc_campaignid_value', 'smsc_providermessageid'],
      filter: `_smsc_campaignid_value eq ${id}`,
    });
    expect(activities.value).toHaveLength(3);
    expect(activities.value.map((a) => a._regardingobjectid_value).sort()).toEqual([C(1), C(2), C(3)].sort());
    for (const a of activities.value) expect(a).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Submitted, statecode: 1, smsc_providermessageid: ready.smsc_providercampaignid });
    expect([...crashed].sort()).toEqual(['activities', 'create', 'upload']);
    // The provider's faults did happen, and were absorbed.
    expect(stack.sandbox.requests().filter((r) => r.response?.fault).length).toBeGreaterThan(0);

    // A delivery report finds the campaign SMS by ticket and number.
    const report = await fetch(stack.callbackUrl, { method: 'POST', body: JSON.stringify({ message_id: ready.smsc_providercampaignid, number: '+33611223302', status: 'DELIVERED', delivery_date: '2026-11-24 10:00:05' }) });
    expect(report.status).toBe(200);
    const bruno = await stack.api.retrieveMultiple<Record<string, unknown>>({ collection: 'smsc_smses', select: ['smsc_deliverystatus'], filter: `_smsc_campaignid_value eq ${id} and smsc_phonenumber eq '+33611223302'` });
    expect(bruno.value[0]?.smsc_deliverystatus).toBe(DeliveryStatus.Delivered);
  } finally {
    worker.handle = original;
    campaigns.update = update;
    stack.sandbox.configure({ faults: [] });
  }
});

test('a delivery report that comes before the run has recorded its SMS is kept and applied once the SMS exists', async () => {
  const list = await staticList(stack.api, 'Early reports', 'contact', [C(2)]);
  const id = await campaign(stack.api, 'Early report', [list], { smsc_text: 'Flash: -30% today. STOP au XXXXX', actualstart: nextTuesdayTenParis().toISOString() });
  const worker = stack.services.campaigns!.worker;
  const original = worker.handle.bind(worker);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  // The run records its activities only after the report has come.
  worker.handle = async (step) => {
    if (step.kind === 'activities') await released;
    await original(step);
  };
  try {
    await run('Prepare', id);
    const ready = await until(id, (r) => r.smsc_status === CampaignSmsStatus.Ready, 'ready');
    await run('Send', id);
    await eventually(async () => stack.sandbox.messages().some((m) => m.ticket === ready.smsc_providercampaignid) || null, 10_000, 'sent at the provider');
    const report = await fetch(stack.callbackUrl, { method: 'POST', body: JSON.stringify({ message_id: ready.smsc_providercampaignid, number: '+33611223302', status: 'NOT_DELIVERED', delivery_date: '2026-11-24 10:00:05' }) });
    expect(report.status).toBe(200);
    expect(((await report.json()) as { events: Array<{ deferred?: boolean }> }).events[0]).toMatchObject({ event: 'delivery', updated: 0, deferred: true });
    release();
    const sms = await eventually(async () => {
      const rows = await stack.api.retrieveMultiple<Record<string, unknown>>({ collection: 'smsc_smses', select: ['smsc_deliverystatus', 'smsc_error'], filter: `_smsc_campaignid_value eq ${id}` });
      return rows.value[0]?.smsc_deliverystatus === DeliveryStatus.Failed ? rows.value[0] : null;
    }, 20_000, 'the early report applied');
    expect(String(sms.smsc_error)).toMatch(/^NOT_DELIVERED/);
    // A report whose SMS never comes is given up after its last try, saying which.
    const lost = await stack.services.events.applyDeferred({ runId: 'gone', activityId: orderedId(9, 1), ticket: 'T-1', to: '+33600000009', state: 'Delivered', rawStatus: 'DELIVERED', at: null, attempt: 3 }, 3);
    expect(lost).toEqual({ applied: false, gaveUp: expect.stringContaining('The DELIVERED report for +33600000009 (ticket T-1) found no SMS') });
  } finally {
    release();
    worker.handle = original;
  }
});

test('cancel while Ready returns to Not transmitted and cancels at the provider', async () => {
  const id = await campaign(stack.api, 'To cancel', [staticId], { smsc_text: 'Offre du jour. STOP au XXXXX', actualstart: nextTuesdayTenParis().toISOString() });
  await run('Prepare', id);
  const ready = await until(id, (r) => r.smsc_status === CampaignSmsStatus.Ready, 'ready');
  await run('Cancel', id);
  expect(await campaignRow(stack.api, id)).toMatchObject({ smsc_status: CampaignSmsStatus.NotTransmitted, smsc_providercampaignid: null, smsc_progress: 0 });
  expect(stack.sandbox.campaigns().find((c) => c.ticket === ready.smsc_providercampaignid)?.state).toBe('cancelled');
  // Send is refused once cancelled; simulate is allowed again.
  await expect(run('Send', id)).rejects.toThrow(/HTTP 400/);
  await run('Simulate', id);
});

test('lists that target different tables are refused, naming the lists', async () => {
  const leads = await staticList(stack.api, 'Leads list', 'lead', [stableId('demo:lead:sophie')]);
  const id = await campaign(stack.api, 'Mixed', [staticId, leads], { smsc_text: 'Hello' });
  await expect(run('Simulate', id)).rejects.toThrow(/HTTP 400/);
  const deliveries = stack.emulator.webhookDeliveries().filter((d) => d.body.MessageName === 'smsc_SimulateCampaign' && String(d.body.PrimaryEntityId) === id);
  expect(deliveries.at(-1)?.status).toBe(400);
  // The form shows the campaign's last result: the refusal is written there, naming the lists.
  expect(await campaignRow(stack.api, id)).toMatchObject({ smsc_lastresult: 'Campaign "Mixed": all marketing lists must target the same table; "A static list" → contact, "Leads list" → lead.' });
});

test("an account list reaches each account's primary contact", async () => {
  const accounts = await staticList(stack.api, 'Accounts', 'account', [stableId('demo:account:dupont'), stableId('demo:account:telaviv')]);
  const id = await campaign(stack.api, 'Accounts', [accounts], { smsc_text: 'Bonjour [name]', smsc_smstype: 271300001 });
  await run('Simulate', id);
  await until(id, (r) => r.smsc_progress === 100, 'simulation');
  const [note] = await notes(stack.api, id);
  expect(note!.content.split('\r\n').slice(1, 3).sort()).toEqual(['ECHEC;No mobile number for Tel Aviv Tech.;;Bonjour Tel Aviv Tech', 'SUCCES;;+33649819006;Bonjour Boulangerie Dupont'].sort());
});
