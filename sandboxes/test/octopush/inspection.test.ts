// The inspection API under /_sandbox, and the programmatic handle tests get from startSandbox.
import type { RunningSandbox } from '../../octopush';
import { alert, inspect, octopush, sandbox } from './helpers';

let sb: RunningSandbox;
beforeEach(async () => {
  sb = await sandbox();
});
afterEach(() => sb.stop());

test('GET /_sandbox/requests gives each Octopush request as received: method, path, query, headers, raw and parsed body, answer', async () => {
  const api = octopush(sb);
  const body = alert({ request_id: 'crm-1' });
  await api.send(body);
  await api.get('/wallet/check-credits?country_codes[]=FR');
  await inspect(sb, '/messages');
  const { body: requests } = await inspect(sb, '/requests');
  expect(requests).toHaveLength(2);
  expect(requests[0]).toEqual({
    id: 1,
    at: expect.any(String),
    method: 'POST',
    path: '/v1/public/sms-campaign/send',
    query: {},
    headers: expect.objectContaining({ 'api-login': sb.login, 'api-key': sb.apiKey, 'content-type': 'application/json' }),
    body: JSON.stringify(body),
    json: body,
    response: { status: 200, body: expect.objectContaining({ sms_ticket: expect.any(String) }) },
  });
  expect(requests[1]).toMatchObject({ method: 'GET', query: { 'country_codes[]': 'FR' }, json: null });
  expect((await inspect(sb, '/requests?path=/v1/public/wallet/check-credits')).body).toHaveLength(1);
});

test('GET /_sandbox/messages lists every accepted message with what was asked and what it cost; filters by ticket, recipient, status', async () => {
  const api = octopush(sb);
  const first = await api.send(alert({ purpose: 'wholesale', text: 'Promo STOP au 30101', sender: 'Shop', request_id: 'r-9', send_at: '2031-01-01T09:00:00+01:00' }));
  await api.send(alert({ recipients: [{ phone_number: '+32470123456' }], simulation_mode: true }));
  const { body: messages } = await inspect(sb, '/messages');
  expect(messages[0]).toEqual({
    id: 1, login: sb.login, ticket: first.body.sms_ticket, origin: 'direct', recipient: '+33649819006', country: 'FR',
    text: 'Promo STOP au 30101', sent_text: 'Promo STOP au 30101', sender: 'Shop', type: 'sms_premium', purpose: 'wholesale',
    send_at: '2031-01-01T09:00:00+01:00', request_id: 'r-9', with_replies: false, auto_optimize_text: true,
    status: 'scheduled', simulated: false, blacklisted: false, segments: 1, encoding: 'GSM-7', cost: 0.045, unit_price: 0.045,
    created_at: expect.any(String), sending_at: '2031-01-01T08:00:00.000Z', delivery_reports: [],
  });
  expect(messages[1]).toMatchObject({ simulated: true, status: 'simulated', recipient: '+32470123456' });
  expect((await inspect(sb, `/messages?ticket=${first.body.sms_ticket}`)).body).toHaveLength(1);
  expect((await inspect(sb, '/messages?recipient=%2B32470123456')).body).toHaveLength(1);
  expect((await inspect(sb, '/messages?status=simulated')).body).toHaveLength(1);
});

test('POST /_sandbox/config changes delays, statuses, prices and credit at run time; bad values are refused', async () => {
  const api = octopush(sb);
  const { body: config } = await inspect(sb, '/config', { credit: 3, prices: { '*': { sms_premium: 1, sms_low_cost: 1 } }, delivery: { delayMs: 5, byNumber: { '+33649819006': 'NOT_DELIVERED' } } });
  expect(config.delivery).toMatchObject({ delayMs: 5, byNumber: { '+33649819006': 'NOT_DELIVERED' } });
  expect((await api.send(alert())).body).toMatchObject({ total_cost: 1, residual_credit: 2 });
  expect((await inspect(sb, '/config', { delivery: { status: 'LOST' } })).body.error).toContain('unknown status "LOST"');
  expect((await inspect(sb, '/config', { credit: { 'nobody@x.y': 1 } })).status).toBe(400);
  expect((await inspect(sb, '/config', { accounts: [] })).status).toBe(400);
  expect((await fetch(`${sb.url}/_sandbox/config`, { method: 'POST', body: '{' })).status).toBe(400);
  expect((await inspect(sb, '/config')).body.delivery.status).toBe('DELIVERED');
});

test('new accounts can be added at run time and keep their own credit', async () => {
  await inspect(sb, '/config', { accounts: [{ login: sb.login, apiKey: sb.apiKey, balance: 100 }, { login: 'b@x.y', apiKey: 'kb', balance: 7 }] });
  const other = await octopush(sb).call('GET', '/wallet/check-balance', undefined, { 'api-login': 'b@x.y', 'api-key': 'kb' });
  expect(other.body.amount).toBe(7);
});

test('POST /_sandbox/reset empties the memory and restores the starting configuration and credit', async () => {
  const api = octopush(sb);
  await inspect(sb, '/config', { credit: 1, faults: [{ path: 'contact/create', status: 500 }] });
  await api.send(alert({ request_id: 'x' }));
  await inspect(sb, '/inbound', { number: '+33649819006', text: 'STOP' });
  expect((await inspect(sb, '/reset', {})).status).toBe(204);
  for (const path of ['/messages', '/requests', '/callbacks', '/campaigns']) expect((await inspect(sb, path)).body).toEqual([]);
  expect((await api.get('/wallet/check-balance')).body.amount).toBe(100);
  expect((await api.send(alert({ request_id: 'x' }))).status).toBe(200);
  expect((await api.post('/contact/create', { contacts: [{ phone_number: '+33649819006' }] })).status).toBe(201);
  expect((await inspect(sb, '/accounts')).body[0].blacklist).toEqual([]);
});

test('unknown inspection paths are 404', async () => {
  expect((await inspect(sb, '/nothing')).status).toBe(404);
});

test('the handle from startSandbox offers the same views and actions as the HTTP API', async () => {
  await octopush(sb).send(alert());
  expect(sb.messages()).toHaveLength(1);
  expect(sb.requests()).toHaveLength(1);
  expect(sb.campaigns()).toHaveLength(1);
  expect(sb.inbound({ number: '+33649819006', text: 'ok' }).message_id).toBe(sb.messages()[0]!.ticket);
  expect(sb.callbacks().map((c) => c.kind)).toEqual(['inbound']);
  sb.reset();
  expect(sb.messages()).toHaveLength(0);
});

test('sandboxes started side by side on free ports do not share anything', async () => {
  const other = await sandbox();
  try {
    expect(other.port).not.toBe(sb.port);
    await octopush(other).send(alert());
    expect(other.messages()).toHaveLength(1);
    expect(sb.messages()).toHaveLength(0);
  } finally {
    await other.stop();
  }
});
