// Delivery reports, replies and STOP, posted as JSON to the configured URLs.
import type { RunningSandbox, SandboxOptions } from '../../octopush';
import { alert, eventually, inspect, octopush, pause, receiver, sandbox } from './helpers';

let sb: RunningSandbox;
let hook: Awaited<ReturnType<typeof receiver>>;
const start = async (options: SandboxOptions = {}, statuses: number[] = [], holdMs = 0) => {
  hook = await receiver(statuses, holdMs);
  const url = hook.url;
  sb = await sandbox({ ...options, callbacks: { deliveryUrl: `${url}/dlr`, inboundUrl: `${url}/in`, optoutUrl: `${url}/stop`, ...options.callbacks } });
  return octopush(sb);
};
afterEach(async () => {
  await sb.stop();
  await hook.close();
});

const YMD_HMS = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('delivery reports', () => {
  test('one JSON POST per recipient after the delay, with the documented fields', async () => {
    const api = await start({ delivery: { delayMs: 60 } });
    const sentAt = Date.now();
    const { body } = await api.send(alert({ recipients: [{ phone_number: '+33649819006' }, { phone_number: '+32470123456' }] }));
    await eventually(() => hook.received.length === 2);
    expect(hook.received.every((r) => r.at - sentAt >= 55)).toBe(true);
    expect(hook.received[0]!.path).toBe('/dlr');
    expect(hook.received[0]!.headers['content-type']).toBe('application/json');
    expect(hook.received.map((r) => r.body)).toEqual([
      { channel: 'sms', message_id: body.sms_ticket, number: '+33649819006', status: 'DELIVERED', delivery_date: expect.stringMatching(YMD_HMS), unit_price: 0.045, meta_data: {} },
      { channel: 'sms', message_id: body.sms_ticket, number: '+32470123456', status: 'DELIVERED', delivery_date: expect.stringMatching(YMD_HMS), unit_price: 0.08, meta_data: {} },
    ]);
    expect(sb.messages().map((m) => m.status)).toEqual(['DELIVERED', 'DELIVERED']);
    await eventually(() => sb.callbacks().every((c) => c.state === 'delivered'));
  });

  test('statuses per number: failures, blacklisted, sequences (out of order, duplicates) and none at all', async () => {
    const api = await start({
      delivery: {
        byNumber: {
          '+33600000001': 'NOT_DELIVERED',
          '+33600000002': 'BLACKLISTED_NUMBER',
          '+33600000003': ['DELIVERED', 'ACK', 'DELIVERED'],
          '+33600000004': null,
        },
      },
    });
    await api.send(alert({ recipients: ['+33600000001', '+33600000002', '+33600000003', '+33600000004'].map((phone_number) => ({ phone_number })) }));
    await eventually(() => hook.received.length === 5);
    await pause(80);
    // Reports travel concurrently: compare what arrived, not the order it arrived in.
    const arrived = hook.received.map((r) => `${r.body.number} ${r.body.status}`).sort();
    expect(arrived).toEqual(
      ['+33600000001 NOT_DELIVERED', '+33600000002 BLACKLISTED_NUMBER', '+33600000003 DELIVERED', '+33600000003 ACK', '+33600000003 DELIVERED'].sort(),
    );
    expect(sb.callbacks().filter((c) => c.payload.number === '+33600000003').map((c) => c.payload.status)).toEqual(['DELIVERED', 'ACK', 'DELIVERED']);
    expect(sb.messages().map((m) => m.status)).toEqual(['NOT_DELIVERED', 'BLACKLISTED_NUMBER', 'DELIVERED', 'sent']);
  });

  test('a distribution draws statuses from the seed: the same seed gives the same statuses', async () => {
    const recipients = Array.from({ length: 40 }, (_, i) => ({ phone_number: `+3361000${String(i).padStart(4, '0')}` }));
    const run = async () => {
      const api = await start({ seed: 99, delivery: { distribution: { DELIVERED: 3, NOT_DELIVERED: 1 } } });
      await api.send(alert({ recipients }));
      await eventually(() => hook.received.length === 40);
      const statuses = sb.messages().map((m) => m.status);
      await sb.stop();
      await hook.close();
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['DELIVERED', 'NOT_DELIVERED']));
    sb = await sandbox();
    hook = await receiver();
  });

  test('a number that replied STOP is reported BLACKLISTED_NUMBER when sent to anyway', async () => {
    const api = await start({ blacklist: ['+33649819006'] });
    await api.send(alert());
    await eventually(() => hook.received.length === 1);
    expect(hook.received[0]!.body.status).toBe('BLACKLISTED_NUMBER');
  });

  test('low cost SMS get no report unless lowCostReports is on', async () => {
    const api = await start();
    await api.send(alert({ type: 'sms_low_cost' }));
    await pause(80);
    expect(hook.received).toHaveLength(0);
    sb.configure({ delivery: { lowCostReports: true } });
    await api.send(alert({ type: 'sms_low_cost' }));
    await eventually(() => hook.received.length === 1);
  });

  test('scheduled messages are reported after they leave; list campaigns carry list_name', async () => {
    const api = await start({ listCampaign: { computeMs: 10 } });
    const leaves = Date.now() + 120;
    await api.send(alert({ send_at: new Date(leaves).toISOString() }));
    await api.post('/contact/create', { list_name: 'spring', contacts: [{ phone_number: '+33712345678' }] });
    const { body } = await api.post('/sms-campaign-on-list/create', { list_name: 'spring', text: 'Hello', type: 'sms_premium', purpose: 'alert' });
    let sent = await api.post('/sms-campaign-on-list/send', { ticket_number: body.ticket_number });
    for (let i = 0; i < 200 && sent.status !== 200; i++) {
      await pause(10);
      sent = await api.post('/sms-campaign-on-list/send', { ticket_number: body.ticket_number });
    }
    expect(sent.status).toBe(200);
    await eventually(() => hook.received.length === 2);
    // Arrival order depends on timers; match the reports by number.
    const listReport = hook.received.find((r) => r.body.number === '+33712345678');
    const scheduledReport = hook.received.find((r) => r.body.number !== '+33712345678');
    expect(listReport!.body).toMatchObject({ list_name: 'spring', message_id: body.ticket_number });
    expect(scheduledReport!.at).toBeGreaterThanOrEqual(leaves);
    expect(scheduledReport!.body).not.toHaveProperty('list_name');
  });
});

describe('retries', () => {
  test('a failing receiver is retried until it accepts', async () => {
    const api = await start({}, [500, 503]);
    await api.send(alert());
    await eventually(() => sb.callbacks()[0]?.state === 'delivered');
    expect(hook.received).toHaveLength(3);
    expect(sb.callbacks()[0]!.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(hook.received.map((r) => r.body)).toEqual([hook.received[0]!.body, hook.received[0]!.body, hook.received[0]!.body]);
  });

  test('the number of retries is bounded; an unreachable receiver ends failed', async () => {
    const api = await start({ callbacks: { retries: 2 } }, [500, 500, 500, 500, 500]);
    await api.send(alert());
    await eventually(() => sb.callbacks()[0]?.state === 'failed');
    await pause(60);
    expect(hook.received).toHaveLength(3);

    sb.configure({ callbacks: { deliveryUrl: 'http://127.0.0.1:9/closed', retries: 1 } });
    await api.send(alert());
    await eventually(() => sb.callbacks()[1]?.state === 'failed');
    expect(sb.callbacks()[1]!.attempts).toEqual([
      { at: expect.any(String), error: expect.stringContaining('fetch failed') },
      { at: expect.any(String), error: expect.stringContaining('fetch failed') },
    ]);
  });

  test('at most `concurrency` callbacks are in flight at once; the others wait their turn', async () => {
    const api = await start({ delivery: { delayMs: 5 }, callbacks: { concurrency: 2 } }, [], 40);
    await api.send(alert({ recipients: Array.from({ length: 6 }, (_, i) => ({ phone_number: `+3361234567${i}` })) }));
    await eventually(() => sb.callbacks().length === 6 && sb.callbacks().every((c) => c.state === 'delivered'));
    expect(hook.received).toHaveLength(6);
    expect(hook.stats.busiest).toBe(2);
  });

  test('without a URL nothing is posted but the report is kept for inspection', async () => {
    const api = await start({ callbacks: { deliveryUrl: '' } });
    await api.send(alert());
    await eventually(() => sb.callbacks().length === 1);
    expect(sb.callbacks()[0]).toMatchObject({ state: 'no-url', kind: 'delivery', payload: { status: 'DELIVERED' } });
    expect(hook.received).toHaveLength(0);
  });
});

describe('replies and STOP', () => {
  test('a reply is posted to the inbound URL with the ticket of the last message to that number', async () => {
    const api = await start();
    const { body } = await api.send(alert({ with_replies: true }));
    await eventually(() => hook.received.length === 1);
    const reply = await inspect(sb, '/inbound', { number: '+33649819006', text: 'Merci, à demain' });
    expect(reply).toMatchObject({ status: 202, body: { kind: 'reply', message_id: body.sms_ticket } });
    await eventually(() => hook.received.length === 2);
    expect(hook.received[1]).toMatchObject({
      path: '/in',
      body: { message_id: body.sms_ticket, number: '+33649819006', text: 'Merci, à demain', sim_card_number: '12345', reception_date: expect.stringMatching(YMD_HMS) },
    });
  });

  test('STOP goes to the opt-out URL, blacklists the number, and later marketing with auto-removal skips it', async () => {
    const api = await start();
    await api.send(alert());
    const stop = await inspect(sb, '/inbound', { number: '+33649819006', text: 'Stop' });
    expect(stop.body.kind).toBe('stop');
    await eventually(() => hook.received.some((r) => r.path === '/stop'));
    expect(hook.received.find((r) => r.path === '/stop')!.body).toEqual({
      message_id: sb.messages()[0]!.ticket, number: '+33649819006', text: 'Stop', stop_date: expect.stringMatching(YMD_HMS),
    });
    const [account] = (await inspect(sb, '/accounts')).body;
    expect(account.blacklist).toEqual(['+33649819006']);
    const next = await api.send(alert({ purpose: 'wholesale', text: 'Promo STOP au 30101', auto_remove_blacklisted_numbers: true, recipients: [{ phone_number: '+33649819006' }, { phone_number: '+33712345678' }] }));
    expect(next.body.number_of_contacts).toBe(1);
  });

  test('a number with no message gets message_id null; kind can be forced; bad input is 400', async () => {
    await start();
    expect((await inspect(sb, '/inbound', { number: '+33611111111', text: 'hello' })).body).toMatchObject({ kind: 'reply', message_id: null });
    expect((await inspect(sb, '/inbound', { number: '+33611111111', text: 'arrêtez', kind: 'stop' })).body.kind).toBe('stop');
    expect((await inspect(sb, '/inbound', { number: '0611', text: 'x' })).status).toBe(400);
    expect((await inspect(sb, '/inbound', { number: '+33611111111' })).status).toBe(400);
  });
});

test('stopping the sandbox cancels pending reports, scheduled sends and retries', async () => {
  const api = await start({ delivery: { delayMs: 10 }, callbacks: { retryDelayMs: 100 } }, [500]);
  await api.send(alert());
  await eventually(() => hook.received.length === 1);
  sb.configure({ delivery: { delayMs: 80 } });
  await api.send(alert({ recipients: [{ phone_number: '+33712345678' }] }));
  await api.send(alert({ send_at: new Date(Date.now() + 60_000).toISOString() }));
  await sb.stop();
  await pause(250);
  expect(hook.received).toHaveLength(1);
  expect(sb.callbacks()[0]!.state).toBe('pending');
});
