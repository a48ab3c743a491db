// sms-campaign/send when accepted: answer, parts, credit, simulation, request_id, send_at, cancel.
import type { RunningSandbox, SandboxOptions } from '../../octopush';
import { alert, eventually, inspect, octopush, pause, sandbox } from './helpers';

let sb: RunningSandbox;
const start = async (options: SandboxOptions = {}) => {
  sb = await sandbox(options);
  return octopush(sb);
};
afterEach(() => sb.stop());

test('success answers the documented fields, HTTP 200 by default and 201 when configured', async () => {
  const api = await start();
  const reply = await api.send(alert());
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({
    sms_ticket: expect.stringMatching(/^sms_[0-9a-f]{13}$/),
    number_of_contacts: 1,
    number_of_sms_needed: 1,
    total_cost: 0.045,
    residual_credit: 99.955,
  });
  await sb.stop();
  const documented = await start({ send: { successStatus: 201 } });
  expect((await documented.send(alert())).status).toBe(201);
});

describe('parts per GSM 03.38, times recipients', () => {
  const two = [{ phone_number: '+33649819006' }, { phone_number: '+33712345678' }];
  test.each([
    ['160 GSM-7 characters', 'a'.repeat(160), 1, 'GSM-7'],
    ['161 GSM-7 characters', 'a'.repeat(161), 2, 'GSM-7'],
    ['306 GSM-7 characters', 'a'.repeat(306), 2, 'GSM-7'],
    ['307 GSM-7 characters', 'a'.repeat(307), 3, 'GSM-7'],
    ['80 euro signs (2 septets each)', '€'.repeat(80), 1, 'GSM-7'],
    ['81 euro signs', '€'.repeat(81), 2, 'GSM-7'],
    ['an escape pair is never split across parts: 152 + "{" + 152 (306 septets)', `${'a'.repeat(152)}{${'a'.repeat(152)}`, 3, 'GSM-7'],
    ['ç and Ç are both GSM-7', 'Ça y est, reçu.', 1, 'GSM-7'],
    ['70 UCS-2 characters', 'ê'.repeat(70), 1, 'UCS-2'],
    ['71 UCS-2 characters', 'ê'.repeat(71), 2, 'UCS-2'],
    ['a surrogate pair is never split across parts: 66 + emoji + 66 (134 units)', `${'ê'.repeat(66)}😀${'ê'.repeat(66)}`, 3, 'UCS-2'],
    ['typographic apostrophe forces UCS-2', 'C’est prêt', 1, 'UCS-2'],
  ])('%s', async (_label, text, segments, encoding) => {
    const api = await start();
    const reply = await api.send(alert({ text, recipients: two }));
    expect(reply.status).toBe(200);
    expect(reply.body.number_of_sms_needed).toBe(segments * 2);
    expect(reply.body.total_cost).toBeCloseTo(0.045 * segments * 2, 10);
    expect(sb.messages().map((m) => [m.segments, m.encoding])).toEqual([[segments, encoding], [segments, encoding]]);
  });

  test('personalisation is rendered per recipient (values cut at 50 characters) and counted on the result', async () => {
    const api = await start();
    const reply = await api.send(alert({
      text: 'Bonjour {first_name} {last_name}, code {param1}.',
      recipients: [{ phone_number: '+33649819006', first_name: 'Ana', last_name: 'Lopez', param1: 'X1' }, { phone_number: '+33712345678', first_name: 'b'.repeat(200) }],
    }));
    expect(reply.status).toBe(200);
    expect(sb.messages().map((m) => m.text)).toEqual(['Bonjour Ana Lopez, code X1.', `Bonjour ${'b'.repeat(50)} , code .`]);
    expect(reply.body.number_of_sms_needed).toBe(2);
  });
});

describe('credit', () => {
  test('decreases by the price of the country and type, per part', async () => {
    const api = await start({ prices: { FR: { sms_premium: 0.05, sms_low_cost: 0.03 }, BE: { sms_premium: 0.09, sms_low_cost: 0.07 }, '*': { sms_premium: 0.1, sms_low_cost: 0.1 } } });
    await api.send(alert({ recipients: [{ phone_number: '+33649819006' }, { phone_number: '+32470123456' }] }));
    await api.send(alert({ type: 'sms_low_cost', text: 'a'.repeat(200), recipients: [{ phone_number: '+32470123456' }] }));
    const reply = await api.send(alert({ recipients: [{ phone_number: '+41791234567' }] }));
    expect(reply.body).toMatchObject({ total_cost: 0.1, residual_credit: 100 - 0.05 - 0.09 - 0.14 - 0.1 });
    expect(sb.messages().map((m) => m.cost)).toEqual([0.05, 0.09, 0.14, 0.1]);
    expect((await api.get('/wallet/check-balance')).body).toEqual({ amount: 99.62, unit: 'euros' });
  });

  test('not enough credit → 104, nothing sent, nothing charged', async () => {
    const api = await start({ accounts: [{ login: 'a@b.c', apiKey: 'k', balance: 0.05 }] });
    expect((await api.send(alert())).status).toBe(200);
    const reply = await api.send(alert());
    expect(reply).toMatchObject({ status: 400, body: { code: 104 } });
    expect(sb.messages()).toHaveLength(1);
    expect((await api.get('/wallet/check-balance')).body.amount).toBe(0.005);
  });

  test('credit can be set at run time', async () => {
    const api = await start();
    expect((await inspect(sb, '/config', { credit: 0.01 })).status).toBe(200);
    expect((await api.send(alert())).body.code).toBe(104);
  });
});

describe('simulation_mode', () => {
  test('validates, answers, records as simulated, sends and charges nothing', async () => {
    const api = await start({ callbacks: { deliveryUrl: 'http://127.0.0.1:9/never' } });
    const reply = await api.send(alert({ simulation_mode: true }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ number_of_contacts: 1, number_of_sms_needed: 1, total_cost: 0.045, residual_credit: 100 });
    expect(sb.messages()).toEqual([expect.objectContaining({ simulated: true, status: 'simulated', ticket: reply.body.sms_ticket })]);
    await pause(60);
    expect(sb.callbacks()).toHaveLength(0);
    expect((await api.send(alert({ simulation_mode: true, purpose: 'wholesale' }))).body.code).toBe(121);
  });

  test('with simulationValidation "minimal" only the shape is checked', async () => {
    const api = await start({ send: { simulationValidation: 'minimal' } });
    expect((await api.send(alert({ simulation_mode: true, purpose: 'wholesale', sender: 'x' }))).status).toBe(200);
    expect((await api.send(alert({ simulation_mode: true, type: 'nope' }))).body.code).toBe(112);
  });
});

describe('request_id', () => {
  test('a duplicate within the window → 120 and nothing more is sent or charged', async () => {
    const api = await start();
    expect((await api.send(alert({ request_id: 'crm-42' }))).status).toBe(200);
    const again = await api.send(alert({ request_id: 'crm-42' }));
    expect(again).toMatchObject({ status: 400, body: { code: 120 } });
    expect(sb.messages()).toHaveLength(1);
    expect((await api.get('/wallet/check-balance')).body.amount).toBe(99.955);
    expect((await api.send(alert({ request_id: 'crm-43' }))).status).toBe(200);
  });

  test('a refused request does not use up its request_id; a simulated one does not either', async () => {
    const api = await start();
    expect((await api.send(alert({ request_id: 'r1', sender: '!' }))).status).toBe(400);
    expect((await api.send(alert({ request_id: 'r1', simulation_mode: true }))).status).toBe(200);
    expect((await api.send(alert({ request_id: 'r1' }))).status).toBe(200);
  });

  test('the id expires after the window (24 h by default, shortened here)', async () => {
    const api = await start({ send: { requestIdTtlMs: 1000 } });
    expect((await api.send(alert({ request_id: 'r2' }))).status).toBe(200);
    expect((await api.send(alert({ request_id: 'r2' }))).status).toBe(400);
    await pause(1100);
    expect((await api.send(alert({ request_id: 'r2' }))).status).toBe(200);
  });
});

describe('send_at', () => {
  test('a future date schedules the message; it leaves at that time', async () => {
    const api = await start();
    const at = new Date(Date.now() + 150);
    const sendAt = at.toISOString().replace('Z', '+00:00');
    const reply = await api.send(alert({ send_at: sendAt }));
    expect(reply.status).toBe(200);
    const [message] = sb.messages();
    expect(message).toMatchObject({ status: 'scheduled', send_at: sendAt, sending_at: at.toISOString() });
    await eventually(() => message!.status !== 'scheduled' && message);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  });

  test('a past date sends at once; an offset and a bare Paris wall-clock time are both understood', async () => {
    // No delivery report during the test: the first message must still read "sent".
    const api = await start({ delivery: { delayMs: 60_000 } });
    await api.send(alert({ send_at: '2020-01-01T10:00:00+01:00' }));
    await api.send(alert({ send_at: '2031-07-01 10:00:00' }));
    await api.send(alert({ send_at: '2031-01-15T10:00:00-05:00' }));
    expect(sb.messages().map((m) => [m.status, m.sending_at])).toEqual([
      ['sent', expect.any(String)],
      ['scheduled', '2031-07-01T08:00:00.000Z'],
      ['scheduled', '2031-01-15T15:00:00.000Z'],
    ]);
  });
});

describe('DELETE /sms-campaign/cancel for scheduled sends', () => {
  const later = () => new Date(Date.now() + 3600_000).toISOString();

  test('204, the credit comes back, the messages are cancelled and never leave', async () => {
    const api = await start({ directCancel: { minLeadMs: 0 } });
    const { body } = await api.send(alert({ send_at: later() }));
    expect((await api.get('/wallet/check-balance')).body.amount).toBe(99.955);
    const reply = await api.del('/sms-campaign/cancel', { ticket_number: body.sms_ticket });
    expect(reply).toMatchObject({ status: 204, body: undefined });
    expect((await api.get('/wallet/check-balance')).body.amount).toBe(100);
    expect(sb.messages()[0]!.status).toBe('cancelled');
    expect((await api.del('/sms-campaign/cancel', { ticket_number: body.sms_ticket })).body.code).toBe(131);
  });

  test('refused for an unknown ticket (131), a sent campaign (132), 3 recipients or more, or less than 10 minutes ahead (125)', async () => {
    const api = await start();
    expect((await api.del('/sms-campaign/cancel', { ticket_number: 'sms_000' })).body.code).toBe(131);
    const sent = await api.send(alert());
    expect((await api.del('/sms-campaign/cancel', { ticket_number: sent.body.sms_ticket })).body.code).toBe(132);
    const soon = await api.send(alert({ send_at: new Date(Date.now() + 5 * 60_000).toISOString() }));
    const tooLate = await api.del('/sms-campaign/cancel', { ticket_number: soon.body.sms_ticket });
    expect(tooLate.body).toMatchObject({ code: 125, message: expect.stringContaining('more than 10 minutes') });
    const three = await api.send(alert({ send_at: later(), recipients: [{ phone_number: '+33649819006' }, { phone_number: '+33649819007' }, { phone_number: '+33649819008' }] }));
    const tooMany = await api.del('/sms-campaign/cancel', { ticket_number: three.body.sms_ticket });
    expect(tooMany.body).toMatchObject({ code: 125, message: expect.stringContaining('fewer than 3 recipients') });
  });

  test('at most 1000 cancellations a month (the limit is an option)', async () => {
    const api = await start({ directCancel: { monthlyLimit: 1 } });
    const first = await api.send(alert({ send_at: later() }));
    const second = await api.send(alert({ send_at: later() }));
    expect((await api.del('/sms-campaign/cancel', { ticket_number: first.body.sms_ticket })).status).toBe(204);
    expect((await api.del('/sms-campaign/cancel', { ticket_number: second.body.sms_ticket })).body.code).toBe(128);
  });
});

describe('blacklisted numbers', () => {
  test('auto_remove_blacklisted_numbers leaves them out and costs the documented €0.01 per request', async () => {
    const api = await start({ blacklist: ['+33712345678'] });
    const reply = await api.send(alert({ auto_remove_blacklisted_numbers: true, recipients: [{ phone_number: '+33649819006' }, { phone_number: '+33712345678' }] }));
    expect(reply.body).toMatchObject({ number_of_contacts: 1, total_cost: 0.055, residual_credit: 99.945 });
    expect(sb.messages().map((m) => m.recipient)).toEqual(['+33649819006']);
    const onlyBlacklisted = await api.send(alert({ auto_remove_blacklisted_numbers: true, recipients: [{ phone_number: '+33712345678' }] }));
    expect(onlyBlacklisted.body).toMatchObject({ code: 103 });
  });

  test('without it they are sent (and charged), flagged as blacklisted', async () => {
    const api = await start({ blacklist: ['+33712345678'] });
    const reply = await api.send(alert({ recipients: [{ phone_number: '+33712345678' }] }));
    expect(reply.body.number_of_contacts).toBe(1);
    expect(sb.messages()[0]).toMatchObject({ blacklisted: true, cost: 0.045 });
  });
});

test('duplicate numbers in one request are each sent and charged (the client must not repeat a recipient)', async () => {
  const api = await start();
  const reply = await api.send(alert({ recipients: [{ phone_number: '+33649819006' }, { phone_number: '+33649819006' }] }));
  expect(reply.body).toMatchObject({ number_of_contacts: 2, total_cost: 0.09 });
});
