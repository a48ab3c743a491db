import { DeliveryStatus, SmsType, SmsDirection } from '@smsc/core';
import { startStack, eventually, type Stack } from '../support/stack';
import { stableId } from '../../../emulator/src/index';

const DAVID = stableId('demo:contact:david');
const DUPONT = stableId('demo:account:dupont');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ log: process.env.STACK_LOG ? (l) => console.log(l) : undefined });
}, 60_000);
afterAll(() => stack?.stop());
beforeEach(() => {
  stack.sandbox.reset();
  stack.sandbox.configure({ callbacks: { deliveryUrl: stack.callbackUrl, inboundUrl: stack.callbackUrl, optoutUrl: stack.callbackUrl } });
});

type Row = Record<string, unknown>;

async function newSms(data: Row, to: { set: string; table: string; id: string } = { set: 'contacts', table: 'contact', id: DAVID }): Promise<string> {
  return stack.api.create<Row, string>({
    collection: 'smsc_smses',
    data: {
      subject: 'Order confirmation',
      smsc_direction: SmsDirection.Outbound,
      smsc_deliverystatus: DeliveryStatus.Draft,
      smsc_sms_activity_parties: [{ participationtypemask: 2, [`partyid_${to.table}@odata.bind`]: `/${to.set}(${to.id})` }],
      ...data,
    },
  });
}

const sendSms = (id: string) => stack.api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: id });

async function sms(id: string): Promise<Row> {
  return stack.api.retrieve<Row>({
    collection: 'smsc_smses',
    key: id,
    select: ['smsc_deliverystatus', 'smsc_phonenumber', 'smsc_providermessageid', 'smsc_error', 'smsc_segments', 'smsc_encoding', 'smsc_cost', 'statecode', 'smsc_text', 'scheduledend'],
  });
}

const sends = () => stack.sandbox.requests().filter((r) => r.path.endsWith('/sms-campaign/send'));
const accepted = () => stack.sandbox.messages().filter((m) => !m.simulated);

test('an SMS to a contact whose mobile is "06 49 81 90 06" reaches the provider as +33649819006, then is delivered and completed', async () => {
  const id = await newSms({ smsc_text: 'Bonjour Mr [lastname], votre commande a bien été enregistrée.', smsc_smstype: SmsType.Transactional });
  await sendSms(id);

  const [request] = sends();
  expect(request!.headers['api-login']).toBe(stack.sandbox.login);
  expect(request!.headers['api-key']).toBe(stack.sandbox.apiKey);
  expect(request!.headers['content-type']).toBe('application/json');
  expect(request!.json).toEqual({
    recipients: [{ phone_number: '+33649819006' }],
    text: 'Bonjour Mr Smith, votre commande a bien été enregistrée.',
    type: 'sms_premium',
    purpose: 'alert',
    sender: 'Contoso',
    request_id: expect.stringMatching(/^smsc-[0-9a-f]{32}-[0-9a-f]{16}$/),
    auto_optimize_text: false,
  });

  const submitted = await sms(id);
  expect(submitted).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Submitted, smsc_phonenumber: '+33649819006', smsc_segments: 1, smsc_encoding: 'GSM-7', statecode: 1, smsc_error: null, smsc_cost: 0.045 });
  expect(submitted.smsc_providermessageid).toBe(accepted()[0]!.ticket);

  await eventually(async () => (await sms(id)).smsc_deliverystatus === DeliveryStatus.Delivered, 15_000, 'delivery report');
});

test('a double click sends once: concurrent and repeated calls answer without a second send', async () => {
  const id = await newSms({ smsc_text: 'Votre code est 4821.' });
  const results = await Promise.allSettled([sendSms(id), sendSms(id)]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
  await sendSms(id);
  expect(accepted()).toHaveLength(1);
  expect((await sms(id)).smsc_deliverystatus).not.toBe(DeliveryStatus.Failed);
});

test('a provider 500 is retried and the SMS is sent once', async () => {
  stack.sandbox.configure({ faults: [{ path: 'sms-campaign/send', status: 500, count: 2 }] });
  const id = await newSms({ smsc_text: 'Retry me' });
  await sendSms(id);
  expect(sends()).toHaveLength(3);
  expect(accepted()).toHaveLength(1);
  expect(await sms(id)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Submitted, smsc_error: null });
});

test('an answer lost after Octopush accepted the SMS: the retry is recognised as a duplicate, nothing is sent twice', async () => {
  stack.sandbox.configure({ faults: [{ path: 'sms-campaign/send', status: 502, count: 1, phase: 'after' }] });
  const id = await newSms({ smsc_text: 'Lost answer' });
  await sendSms(id);
  expect(sends()).toHaveLength(2);
  expect(accepted()).toHaveLength(1);
  expect(await sms(id)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Submitted });
});

test('a provider 400 leaves the SMS Failed with a readable error; the Custom API call fails', async () => {
  stack.sandbox.configure({ credit: 0 });
  const id = await newSms({ smsc_text: 'No credit' });
  // Dataverse fails the call (the synchronous step answered 400); the readable reason is on the SMS.
  await expect(sendSms(id)).rejects.toThrow(/HTTP 400/);
  const failed = await sms(id);
  expect(failed.smsc_deliverystatus).toBe(DeliveryStatus.Failed);
  expect(failed.smsc_error).toMatch(/^SMS "Order confirmation" was not sent: The Octopush account (has no credit left|does not have enough credit)/);
  stack.sandbox.configure({ credit: 100 });
});

test('rules the user can fix are refused before the provider, naming the SMS and the field', async () => {
  const id = await newSms({ smsc_text: 'Promo -20% ce week-end', smsc_smstype: SmsType.Marketing });
  await expect(sendSms(id)).rejects.toThrow(/HTTP 400/);
  expect(await sms(id)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Failed, smsc_error: "SMS \"Order confirmation\", field \"Text\": marketing SMS to French numbers must contain the mention 'STOP au XXXXX'." });
  const unknownField = await newSms({ smsc_text: 'Bonjour [nickname]' });
  await expect(sendSms(unknownField)).rejects.toThrow(/HTTP 400/);
  expect((await sms(unknownField)).smsc_error).toBe('SMS "Order confirmation", field "Text": unknown merge field [nickname] for contact "David Smith".');
  expect(sends()).toHaveLength(0);
});

test("an account recipient uses its primary contact's mobile", async () => {
  const id = await newSms({ smsc_text: 'Bonjour [name]' }, { set: 'accounts', table: 'account', id: DUPONT });
  await sendSms(id);
  expect(sends()[0]!.json).toMatchObject({ recipients: [{ phone_number: '+33649819006' }], text: 'Bonjour Boulangerie Dupont' });
});

test('a due date in the future is scheduled at the provider', async () => {
  const due = new Date(Date.now() + 3 * 24 * 3600_000);
  const id = await newSms({ smsc_text: 'Rappel de rendez-vous', scheduledend: due.toISOString() });
  await sendSms(id);
  expect(sends()[0]!.json).toMatchObject({ send_at: due.toISOString().replace(/\.\d{3}Z$/, '+00:00') });
  expect(await sms(id)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Scheduled, statecode: 0 });
  expect(accepted()[0]!.status).toBe('scheduled');
});

test('an SMS created as Queued (as a workflow does) is sent without any Custom API call', async () => {
  const id = await newSms({ smsc_text: 'Votre commande est expédiée.', smsc_deliverystatus: DeliveryStatus.Queued });
  await stack.emulator.waitForSystemJobs(20_000);
  await eventually(async () => (await sms(id)).smsc_deliverystatus === DeliveryStatus.Submitted || (await sms(id)).smsc_deliverystatus === DeliveryStatus.Delivered, 15_000, 'queued send');
  expect(accepted()).toHaveLength(1);
  const forThisSms = stack.emulator.webhookDeliveries().filter((d) => String(d.body.PrimaryEntityId).toLowerCase() === id.toLowerCase());
  expect(forThisSms.map((d) => d.body.MessageName)).not.toContain('smsc_SendSms');
  expect(forThisSms.some((d) => d.body.MessageName === 'Create' && d.mode === 'async')).toBe(true);
});

test('a webhook call without the key is 401; a callback without the secret is 401', async () => {
  const webhook = await fetch(`${stack.host.url}/api/dataverse/webhook`, { method: 'POST', body: JSON.stringify({ MessageName: 'smsc_SendSms' }), headers: { 'content-type': 'application/json' } });
  expect(webhook.status).toBe(401);
  const wrongKey = await fetch(`${stack.host.url}/api/dataverse/webhook?code=guess`, { method: 'POST', body: '{}' });
  expect(wrongKey.status).toBe(401);
  const callback = await fetch(`${stack.host.url}/api/provider/octopush/callback/guess`, { method: 'POST', body: JSON.stringify({ number: '+33649819006', text: 'STOP', stop_date: '2026-11-22 10:00:00' }) });
  expect(callback.status).toBe(401);
  expect(await stack.api.retrieveMultiple({ collection: 'smsc_optouts' })).toMatchObject({ value: [] });
});
