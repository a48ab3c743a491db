import { DeliveryStatus, SmsDirection, SmsType } from '@smsc/core';
import { startStack, eventually, type Stack } from '../support/stack';
import { stableId } from '../../../emulator/src/index';

const DAVID = stableId('demo:contact:david');
const ORDER = stableId('demo:order:1001');
const TEMPLATE = stableId('demo:template:orderfulfilled');

type Row = Record<string, unknown>;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(() => stack?.stop());

const outbound = () => stack.sandbox.messages().filter((m) => !m.simulated);
const contactRef = { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: DAVID };

async function smsTo(type: number, text: string): Promise<string> {
  return stack.api.create<Row, string>({
    collection: 'smsc_smses',
    data: {
      subject: 'Offer',
      smsc_text: text,
      smsc_smstype: type,
      smsc_direction: SmsDirection.Outbound,
      smsc_deliverystatus: DeliveryStatus.Draft,
      smsc_sms_activity_parties: [{ participationtypemask: 2, 'partyid_contact@odata.bind': `/contacts(${DAVID})` }],
    },
  });
}

const status = async (id: string) => (await stack.api.retrieve<Row>({ collection: 'smsc_smses', key: id, select: ['smsc_deliverystatus', 'smsc_error'] }));

test('smsc_SendSmsToRecipient with a template and a regarding order renders [regarding:ordernumber]', async () => {
  await stack.api.callAction({
    actionName: 'smsc_SendSmsToRecipient',
    action: {
      Contact: contactRef,
      Template: { '@odata.type': 'Microsoft.Dynamics.CRM.smsc_smstemplate', smsc_smstemplateid: TEMPLATE },
      Regarding: { '@odata.type': 'Microsoft.Dynamics.CRM.salesorder', salesorderid: ORDER },
    },
  });
  const [message] = outbound();
  expect(message).toMatchObject({ recipient: '+33649819006' });
  expect(message!.text).toMatch(/^Your order no\. SO-1001 of (€149\.90|149,90 €) has been fulfilled\. Thank you!$/);
  const created = await stack.api.retrieveMultiple<Row>({
    collection: 'smsc_smses',
    select: ['subject', 'smsc_text', '_regardingobjectid_value', 'smsc_deliverystatus'],
    filter: `_regardingobjectid_value eq ${ORDER}`,
  });
  expect(created.value).toHaveLength(1);
  expect(created.value[0]).toMatchObject({ smsc_text: message!.text, smsc_deliverystatus: DeliveryStatus.Submitted });
});

test('smsc_SendSmsToRecipient refuses anything but exactly one recipient', async () => {
  await expect(stack.api.callAction({ actionName: 'smsc_SendSmsToRecipient', action: { Text: 'Hello' } })).rejects.toThrow(/HTTP 400/);
  await expect(
    stack.api.callAction({ actionName: 'smsc_SendSmsToRecipient', action: { Text: 'Hello', Contact: contactRef, PhoneNumber: '+33600000001' } }),
  ).rejects.toThrow(/HTTP 400/);
});

test('a test send to a bare number (configuration page) leaves an SMS activity', async () => {
  const before = outbound().length;
  await stack.api.callAction({ actionName: 'smsc_SendSmsToRecipient', action: { PhoneNumber: '06 12 34 56 78', Text: 'Test SMS Connector' } });
  expect(outbound().length).toBe(before + 1);
  expect(outbound().at(-1)).toMatchObject({ recipient: '+33612345678', text: 'Test SMS Connector' });
});

test('a STOP reply records an opt-out; then a marketing SMS is refused while a transactional one goes', async () => {
  stack.sandbox.inbound({ number: '+33649819006', text: 'STOP' });
  const optOut = await eventually(async () => (await stack.api.retrieveMultiple<Row>({ collection: 'smsc_optouts', select: ['smsc_phonenumber', 'smsc_source'] })).value[0], 10_000, 'opt-out');
  expect(optOut).toMatchObject({ smsc_phonenumber: '+33649819006' });

  // The same STOP delivered twice changes nothing.
  stack.sandbox.inbound({ number: '+33649819006', text: 'STOP' });
  await new Promise((r) => setTimeout(r, 300));
  expect((await stack.api.retrieveMultiple({ collection: 'smsc_optouts' })).value).toHaveLength(1);

  const before = outbound().length;
  const marketing = await smsTo(SmsType.Marketing, 'Promo -20% STOP au XXXXX');
  await expect(stack.api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: marketing })).rejects.toThrow(/HTTP 400/);
  expect(await status(marketing)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Failed, smsc_error: expect.stringContaining('+33649819006 has opted out (STOP)') });
  expect(outbound().length).toBe(before);

  const transactional = await smsTo(SmsType.Transactional, 'Votre colis arrive demain.');
  await stack.api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: transactional });
  expect(outbound().length).toBe(before + 1);
});

test('a reply becomes an inbound SMS linked to the contact the conversation was with', async () => {
  // Dataverse dates have one-second precision: the conversation must be the latest SMS beyond doubt.
  await new Promise((r) => setTimeout(r, 1100));
  const conversation = await smsTo(SmsType.Transactional, 'Votre rendez-vous est confirmé. Répondez si besoin.');
  await stack.api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: conversation });
  stack.sandbox.inbound({ number: '+33649819006', text: 'Merci, à demain !' });
  const inbound = await eventually(
    async () => (await stack.api.retrieveMultiple<Row>({ collection: 'smsc_smses', select: ['smsc_text', 'smsc_direction', 'smsc_deliverystatus', 'statecode', '_regardingobjectid_value'], filter: `smsc_direction eq ${SmsDirection.Inbound} and smsc_text eq 'Merci, à demain !'` })).value[0],
    10_000,
    'inbound SMS',
  );
  expect(inbound).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Received, statecode: 1, _regardingobjectid_value: DAVID });
});

test('delivery reports: duplicates and out-of-order reports leave the most advanced status', async () => {
  const id = await smsTo(SmsType.Transactional, 'Report order');
  stack.sandbox.configure({ delivery: { delayMs: 60_000 } });
  await stack.api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: id });
  const ticket = outbound().at(-1)!.ticket;
  const post = (status: string) =>
    fetch(stack.callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message_id: ticket, number: '+33649819006', status, delivery_date: '2026-11-22 10:00:00' }) });
  expect((await post('DELIVERED')).status).toBe(200);
  expect((await post('ACK')).status).toBe(200);
  expect((await post('DELIVERED')).status).toBe(200);
  expect(await status(id)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Delivered, smsc_error: null });
  const failing = await smsTo(SmsType.Transactional, 'Report failure');
  await stack.api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: failing });
  const failingTicket = outbound().at(-1)!.ticket;
  await fetch(stack.callbackUrl, { method: 'POST', body: JSON.stringify({ message_id: failingTicket, number: '+33649819006', status: 'NOT_DELIVERED', delivery_date: '2026-11-22 10:00:00' }) });
  expect(await status(failing)).toMatchObject({ smsc_deliverystatus: DeliveryStatus.Failed, smsc_error: expect.stringMatching(/^NOT_DELIVERED — /) });
});

test('smsc_CheckCredit saves the balance on the configuration row', async () => {
  stack.sandbox.configure({ credit: 42.5 });
  await stack.api.callAction({ actionName: 'smsc_CheckCredit', action: {} });
  const configuration = await stack.api.retrieve<Row>({ collection: 'smsc_configurations', key: stack.configurationId, select: ['smsc_credit', 'smsc_creditunit', 'smsc_creditcheckedon'] });
  expect(configuration).toMatchObject({ smsc_credit: 42.5, smsc_creditunit: 'euros' });
  expect(configuration.smsc_creditcheckedon).toBeTruthy();
});
