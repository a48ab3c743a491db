// Contact lists and the list-campaign flow: create → status → send or cancel.
import type { RunningSandbox, SandboxOptions } from '../../octopush';
import { octopush, pause, sandbox } from './helpers';

let sb: RunningSandbox;
let api: ReturnType<typeof octopush>;
const start = async (options: SandboxOptions = {}) => {
  sb = await sandbox(options);
  api = octopush(sb);
};
afterEach(() => sb.stop());

const campaign = (overrides: Record<string, unknown> = {}) => ({
  list_name: 'spring',
  text: 'Soldes de printemps -20% ! STOP au 30101',
  type: 'sms_premium',
  purpose: 'wholesale',
  sender: 'MyShop',
  ...overrides,
});

async function fillList(name = 'spring', numbers = ['+33649819006', '+33712345678', '+32470123456']) {
  expect(await api.post('/contact-list/create', { list_name: name })).toMatchObject({ status: 201, body: {} });
  const contacts = numbers.map((phone_number, i) => ({ phone_number, first_name: `P${i}` }));
  expect(await api.post('/contact/create', { list_name: name, contacts })).toMatchObject({ status: 201 });
}

const status = (ticket: string) => api.get(`/sms-campaign-on-list/status?ticket_number=${encodeURIComponent(ticket)}`);

async function ready(ticket: string) {
  let last: any;
  for (let i = 0; i < 100; i++) {
    last = await status(ticket);
    if (last.body?.status !== 'under_computation') return last;
    await pause(10);
  }
  throw new Error(`campaign ${ticket} still under computation: ${JSON.stringify(last)}`);
}

describe('contact lists', () => {
  test('a list name is unique (302) and required (125)', async () => {
    await start();
    expect((await api.post('/contact-list/create', { list_name: 'vip' })).status).toBe(201);
    expect((await api.post('/contact-list/create', { list_name: 'vip' })).body.code).toBe(302);
    expect((await api.post('/contact-list/create', {})).body.code).toBe(125);
    expect((await api.post('/contact-list/create', { list_name: 'x'.repeat(31) })).body.code).toBe(125);
  });

  test('contacts are stored with their fields; bad numbers are left out; a new list name creates the list', async () => {
    await start();
    expect((await api.post('/contact/create', { list_name: 'new', tag_name: 'vip', contacts: [{ phone_number: '+33649819006', first_name: 'Ana' }, { phone_number: '06 12' }] })).status).toBe(201);
    const [account] = (await fetch(`${sb.url}/_sandbox/accounts`).then((r) => r.json())) as any[];
    expect(account.lists).toEqual({ new: ['+33649819006'] });
    expect(account.contacts).toEqual([{ phone_number: '+33649819006', country: 'FR', first_name: 'Ana', lists: ['new'], tags: ['vip'] }]);
    expect((await api.post('/contact/create', { list_name: 'new', contacts: [{ phone_number: '0612' }] })).body.code).toBe(117);
    expect((await api.post('/contact/create', { contacts: [] })).body.code).toBe(110);
  });

  test('do_not_overwrite keeps the stored data; the contact still joins the list', async () => {
    await start();
    await api.post('/contact/create', { list_name: 'a', contacts: [{ phone_number: '+33649819006', first_name: 'Ana' }] });
    await api.post('/contact/create', { list_name: 'b', do_not_overwrite: true, contacts: [{ phone_number: '+33649819006', first_name: 'Zoe' }] });
    await api.post('/contact/create', { list_name: 'c', contacts: [{ phone_number: '+33712345678' }] });
    const [account] = (await fetch(`${sb.url}/_sandbox/accounts`).then((r) => r.json())) as any[];
    expect(account.contacts[0]).toMatchObject({ first_name: 'Ana', lists: ['a', 'b'] });
  });

  test('a per-request contact limit can be set (305)', async () => {
    await start({ listCampaign: { maxContactsPerRequest: 1 } });
    const reply = await api.post('/contact/create', { list_name: 'a', contacts: [{ phone_number: '+33649819006' }, { phone_number: '+33712345678' }] });
    expect(reply.body.code).toBe(305);
  });
});

describe('prepare → validate', () => {
  test('under_computation for the configured time, then ready_to_be_sent with cost and number_of_contacts; send answers sending_date', async () => {
    await start({ listCampaign: { computeMs: 80 } });
    await fillList();
    const created = await api.post('/sms-campaign-on-list/create', campaign());
    expect(created).toMatchObject({ status: 201, body: { ticket_number: expect.stringMatching(/^sms_[0-9a-f]{13}$/) } });
    const ticket = created.body.ticket_number as string;
    expect(await status(ticket)).toMatchObject({ status: 200, body: { status: 'under_computation' } });
    expect((await api.post('/sms-campaign-on-list/send', { ticket_number: ticket })).body.code).toBe(129);
    expect(sb.messages()).toHaveLength(0);

    const done = await ready(ticket);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ number_of_contacts: 3, cost: 0.17, status: 'ready_to_be_sent' });
    expect((await api.get('/wallet/check-balance')).body.amount).toBe(100);

    const sent = await api.post('/sms-campaign-on-list/send', { ticket_number: ticket });
    expect(sent.status).toBe(200);
    expect(sent.body.sending_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Math.abs(Date.parse(sent.body.sending_date) - Date.now())).toBeLessThan(5000);
    expect((await api.get('/wallet/check-balance')).body.amount).toBe(99.83);
    expect(sb.messages().map((m) => [m.recipient, m.text, m.origin, m.list_name, m.ticket])).toEqual([
      ['+33649819006', 'Soldes de printemps -20% ! STOP au 30101', 'list', 'spring', ticket],
      ['+33712345678', 'Soldes de printemps -20% ! STOP au 30101', 'list', 'spring', ticket],
      ['+32470123456', 'Soldes de printemps -20% ! STOP au 30101', 'list', 'spring', ticket],
    ]);
    expect((await status(ticket)).body.code).toBe(132);
    expect((await api.post('/sms-campaign-on-list/send', { ticket_number: ticket })).body.code).toBe(132);
  });

  test('a deferred campaign is scheduled for send_at and answers that sending_date', async () => {
    await start();
    await fillList();
    const { body } = await api.post('/sms-campaign-on-list/create', campaign({ send_at: '2031-05-04T10:30:00+02:00' }));
    await ready(body.ticket_number);
    const sent = await api.post('/sms-campaign-on-list/send', { ticket_number: body.ticket_number });
    expect(sent.body).toEqual({ sending_date: '2031-05-04T10:30:00+02:00' });
    expect(sb.messages().every((m) => m.status === 'scheduled')).toBe(true);
  });

  test('personalisation uses the stored contact fields; a tag works like a list', async () => {
    await start();
    await api.post('/contact/create', { tag_name: 'vip', contacts: [{ phone_number: '+33649819006', first_name: 'Ana' }] });
    const { body } = await api.post('/sms-campaign-on-tag/create', campaign({ list_name: undefined, tag_name: 'vip', text: 'Bonjour {first_name} ! STOP au 30101' }));
    await ready(body.ticket_number);
    expect((await api.post('/sms-campaign-on-tag/send', { ticket_number: body.ticket_number })).status).toBe(200);
    expect(sb.messages().map((m) => m.text)).toEqual(['Bonjour Ana ! STOP au 30101']);
  });

  test('with statusWhileComputing "error" the status call answers 400 code 129 until ready', async () => {
    await start({ listCampaign: { statusWhileComputing: 'error', readyStatus: 'ready_to_be_send' } });
    await fillList();
    const { body } = await api.post('/sms-campaign-on-list/create', campaign());
    expect(await status(body.ticket_number)).toMatchObject({ status: 400, body: { code: 129 } });
    let last = await status(body.ticket_number);
    for (let i = 0; i < 200 && last.status === 400; i++) {
      await pause(10);
      last = await status(body.ticket_number);
    }
    expect(last.body.status).toBe('ready_to_be_send');
  });

  test.each([
    ['sms_ticket', { sms_ticket: expect.any(String) }],
    ['both', { sms_ticket: expect.any(String), ticket_number: expect.any(String) }],
  ] as const)('the ticket field of the create answer can be %s', async (ticketField, shape) => {
    await start({ listCampaign: { ticketField } });
    await fillList();
    const { body } = await api.post('/sms-campaign-on-list/create', campaign());
    expect(body).toEqual(shape);
  });
});

describe('refusals and failures', () => {
  test('unknown list → 303, no list or tag → 125, STOP mention checked at creation → 121', async () => {
    await start();
    expect((await api.post('/sms-campaign-on-list/create', campaign({ list_name: 'nope' }))).body.code).toBe(303);
    expect((await api.post('/sms-campaign-on-list/create', campaign({ list_name: undefined }))).body.code).toBe(125);
    await fillList();
    expect((await api.post('/sms-campaign-on-list/create', campaign({ text: 'Promo !' }))).body.code).toBe(121);
    expect((await api.post('/sms-campaign-on-list/create', campaign({ sender: '!!' }))).body.code).toBe(106);
  });

  test('one campaign at a time may be computed (127) or wait for validation (126)', async () => {
    await start();
    await fillList();
    const first = await api.post('/sms-campaign-on-list/create', campaign());
    expect((await api.post('/sms-campaign-on-list/create', campaign())).body.code).toBe(127);
    await ready(first.body.ticket_number);
    expect((await api.post('/sms-campaign-on-list/create', campaign())).body.code).toBe(126);
    expect((await api.del('/sms-campaign-on-list/cancel', { ticket_number: first.body.ticket_number })).status).toBe(204);
    expect((await api.post('/sms-campaign-on-list/create', campaign())).status).toBe(201);
  });

  test('several campaigns may wait when singlePending is off', async () => {
    await start({ listCampaign: { singlePending: false } });
    await fillList();
    expect((await api.post('/sms-campaign-on-list/create', campaign())).status).toBe(201);
    expect((await api.post('/sms-campaign-on-list/create', campaign())).status).toBe(201);
  });

  test('a configured failure, an empty list or too little credit end as failed; send is then refused', async () => {
    await start({ listCampaign: { outcome: 'failed', singlePending: false } });
    await fillList();
    const failed = await api.post('/sms-campaign-on-list/create', campaign());
    expect((await ready(failed.body.ticket_number)).body).toMatchObject({ status: 'failed', code: 125 });
    expect((await api.post('/sms-campaign-on-list/send', { ticket_number: failed.body.ticket_number })).status).toBe(400);

    sb.configure({ listCampaign: { outcome: 'ready' } });
    await api.post('/contact-list/create', { list_name: 'empty' });
    const empty = await api.post('/sms-campaign-on-list/create', campaign({ list_name: 'empty' }));
    expect((await ready(empty.body.ticket_number)).body).toMatchObject({ status: 'failed', number_of_contacts: 0, code: 103 });

    sb.configure({ credit: 0.1 });
    const poor = await api.post('/sms-campaign-on-list/create', campaign());
    expect((await ready(poor.body.ticket_number)).body).toMatchObject({ status: 'failed', code: 104 });
    expect((await api.post('/sms-campaign-on-list/send', { ticket_number: poor.body.ticket_number })).body.code).toBe(104);
  });

  test('credit spent between ready and send → 104 on send', async () => {
    await start();
    await fillList();
    const { body } = await api.post('/sms-campaign-on-list/create', campaign());
    await ready(body.ticket_number);
    sb.configure({ credit: 0.1 });
    expect((await api.post('/sms-campaign-on-list/send', { ticket_number: body.ticket_number })).body.code).toBe(104);
    expect(sb.messages()).toHaveLength(0);
  });

  test('a duplicate request_id on create → 120', async () => {
    await start({ listCampaign: { singlePending: false } });
    await fillList();
    expect((await api.post('/sms-campaign-on-list/create', campaign({ request_id: 'camp-1' }))).status).toBe(201);
    expect((await api.post('/sms-campaign-on-list/create', campaign({ request_id: 'camp-1' }))).body.code).toBe(120);
  });
});

describe('cancel', () => {
  test('while computing or when ready → 204, then the ticket is unknown (131); after send → 132', async () => {
    await start({ listCampaign: { singlePending: false } });
    await fillList();
    const computing = await api.post('/sms-campaign-on-list/create', campaign());
    expect(await api.del('/sms-campaign-on-list/cancel', { ticket_number: computing.body.ticket_number })).toMatchObject({ status: 204, body: undefined });
    expect((await status(computing.body.ticket_number)).body.code).toBe(131);
    await pause(60);
    expect((await status(computing.body.ticket_number)).body.code).toBe(131);

    const sent = await api.post('/sms-campaign-on-list/create', campaign());
    await ready(sent.body.ticket_number);
    await api.post('/sms-campaign-on-list/send', { ticket_number: sent.body.ticket_number });
    expect((await api.del('/sms-campaign-on-list/cancel', { ticket_number: sent.body.ticket_number })).body.code).toBe(132);
    expect((await api.del('/sms-campaign-on-list/cancel', { ticket_number: 'sms_unknown' })).body.code).toBe(131);
    expect((await api.del('/sms-campaign-on-list/cancel', {})).body.code).toBe(131);
  });
});

test('a simulated list campaign computes and "sends" without charging or sending', async () => {
  await start();
  await fillList();
  const { body } = await api.post('/sms-campaign-on-list/create', campaign({ simulation_mode: true }));
  expect((await ready(body.ticket_number)).body.status).toBe('ready_to_be_sent');
  expect((await api.post('/sms-campaign-on-list/send', { ticket_number: body.ticket_number })).status).toBe(200);
  expect(sb.messages().every((m) => m.simulated && m.status === 'simulated')).toBe(true);
  expect((await api.get('/wallet/check-balance')).body.amount).toBe(100);
});
