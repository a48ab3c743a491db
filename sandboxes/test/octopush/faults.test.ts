// Faults by configuration: 5xx rates and counts, slow answers, no answer, dropped connections.
import type { RunningSandbox, SandboxOptions } from '../../octopush';
import { alert, inspect, octopush, sandbox } from './helpers';

let sb: RunningSandbox;
const start = async (options: SandboxOptions = {}) => {
  sb = await sandbox(options);
  return octopush(sb);
};
afterEach(() => sb.stop());

test('the next N requests to an endpoint fail with the given status, then it recovers', async () => {
  const api = await start({ faults: [{ path: 'sms-campaign/send', status: 500, count: 2 }] });
  expect(await api.get('/wallet/check-balance')).toMatchObject({ status: 200 });
  expect(await api.send(alert())).toMatchObject({ status: 500, body: { code: 500, message: 'Impossible to process the requested action' } });
  expect((await api.send(alert())).status).toBe(500);
  expect((await api.send(alert())).status).toBe(200);
  expect(sb.messages()).toHaveLength(1);
  expect(sb.requests().map((r) => r.response?.fault ?? null)).toEqual([null, 'before', 'before', null]);
});

test('a rate fails that share of requests, the same ones for the same seed', async () => {
  const pattern = async (seed: number) => {
    const api = await start({ seed, faults: [{ path: '/v1/public/wallet/check-balance', status: 503, rate: 0.2 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) statuses.push((await api.get('/wallet/check-balance')).status);
    await sb.stop();
    return statuses;
  };
  const first = await pattern(1234);
  expect(await pattern(1234)).toEqual(first);
  const failures = first.filter((s) => s === 503).length;
  expect(failures).toBeGreaterThan(2);
  expect(failures).toBeLessThan(20);
  expect(await pattern(4321)).not.toEqual(first);
  sb = await sandbox();
});

test('faults can target a method and carry headers and a body (429 with Retry-After)', async () => {
  const api = await start({ faults: [{ method: 'GET', status: 429, count: 1, headers: { 'retry-after': '2' } }] });
  expect((await api.send(alert())).status).toBe(200);
  const limited = await api.get('/wallet/check-credits');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toBe('2');
  expect(limited.body).toEqual({ code: 429, message: 'Too many requests.' });
});

test('phase "after": the send is done and charged but the client gets a 500; retrying with the same request_id is refused (120)', async () => {
  const api = await start({ faults: [{ path: 'sms-campaign/send', status: 500, count: 1, phase: 'after' }] });
  expect((await api.send(alert({ request_id: 'sms-1' }))).status).toBe(500);
  expect(sb.messages()).toHaveLength(1);
  expect((await api.get('/wallet/check-balance')).body.amount).toBe(99.955);
  expect(await api.send(alert({ request_id: 'sms-1' }))).toMatchObject({ status: 400, body: { code: 120 } });
  expect(sb.messages()).toHaveLength(1);
});

test('a slow answer arrives after the delay', async () => {
  const api = await start({ faults: [{ path: 'wallet/check-balance', delayMs: 150 }] });
  const began = Date.now();
  expect((await api.get('/wallet/check-balance')).status).toBe(200);
  expect(Date.now() - began).toBeGreaterThanOrEqual(140);
});

test('a hanging endpoint never answers: the client times out; the request is still recorded', async () => {
  const api = await start();
  sb.configure({ faults: [{ path: 'sms-campaign/send', hang: true }] });
  await expect(fetch(`${sb.apiUrl}/sms-campaign/send`, {
    method: 'POST',
    headers: { 'api-login': sb.login, 'api-key': sb.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(alert()),
    signal: AbortSignal.timeout(150),
  })).rejects.toThrow(/aborted|timeout/i);
  expect(sb.requests()[0]!.response).toEqual({ status: 0, body: null, fault: 'hang' });
  expect(sb.messages()).toHaveLength(0);
  expect((await api.get('/wallet/check-balance')).status).toBe(200);
});

test('a dropped connection fails the client at once', async () => {
  const api = await start({ faults: [{ drop: true, count: 1 }] });
  await expect(api.get('/wallet/check-balance')).rejects.toThrow();
  expect((await api.get('/wallet/check-balance')).status).toBe(200);
});

test('faults change at run time and never touch the inspection API', async () => {
  const api = await start();
  expect((await inspect(sb, '/config', { faults: [{ status: 502 }] })).status).toBe(200);
  expect((await api.get('/wallet/check-balance')).status).toBe(502);
  expect((await inspect(sb, '/messages')).status).toBe(200);
  await inspect(sb, '/config', { faults: [] });
  expect((await api.get('/wallet/check-balance')).status).toBe(200);
  expect((await inspect(sb, '/config', { faults: [{ rate: 2 }] })).status).toBe(400);
});
