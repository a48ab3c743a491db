import type { RunningSandbox } from '../../octopush';
import { alert, octopush, sandbox } from './helpers';

let sb: RunningSandbox;
beforeEach(async () => {
  sb = await sandbox({ accounts: [{ login: 'ops@shop.example', apiKey: 'k-123', balance: 10 }, { login: 'other@shop.example', apiKey: 'k-456', balance: 5 }] });
});
afterEach(() => sb.stop());

describe('credentials in the api-login and api-key headers', () => {
  test.each([
    ['no headers at all', {}, 108],
    ['login without key', { 'api-login': 'ops@shop.example' }, 109],
    ['key without login', { 'api-key': 'k-123' }, 108],
    ['wrong key', { 'api-login': 'ops@shop.example', 'api-key': 'nope' }, 101],
    ["another account's key", { 'api-login': 'ops@shop.example', 'api-key': 'k-456' }, 101],
    ['unknown login', { 'api-login': 'who@shop.example', 'api-key': 'k-123' }, 101],
  ])('%s → 401 with an Octopush error body', async (_label, headers, code) => {
    const reply = await octopush(sb).call('POST', '/sms-campaign/send', alert(), headers as Record<string, string>);
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ code, message: expect.any(String) });
    expect(sb.messages()).toHaveLength(0);
  });

  test('each account is its own wallet', async () => {
    const api = octopush(sb);
    const other = await api.call('GET', '/wallet/check-balance', undefined, { 'api-login': 'other@shop.example', 'api-key': 'k-456' });
    expect(other).toMatchObject({ status: 200, body: { amount: 5, unit: 'euros' } });
    expect((await api.send(alert())).body.residual_credit).toBe(9.955);
    expect((await api.call('GET', '/wallet/check-balance', undefined, { 'api-login': 'other@shop.example', 'api-key': 'k-456' })).body.amount).toBe(5);
  });
});

describe('request shape', () => {
  test('the body must be JSON sent as application/json (code 100 otherwise)', async () => {
    const api = octopush(sb);
    const headers = { 'api-login': sb.login, 'api-key': sb.apiKey };
    const form = await api.call('POST', '/sms-campaign/send', 'text=hello', { ...headers, 'content-type': 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({ status: 400, body: { code: 100 } });
    expect(form.body.message).toContain('Content-Type must be application/json');
    expect(await api.call('POST', '/sms-campaign/send', '{"text": ', headers)).toMatchObject({ status: 400, body: { code: 100 } });
    expect(await api.call('POST', '/sms-campaign/send', '[1,2]', headers)).toMatchObject({ status: 400, body: { code: 100 } });
    const empty = await fetch(`${sb.apiUrl}/sms-campaign/send`, { method: 'POST', headers });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 100 });
  });

  test('unknown endpoints are 404 and wrong methods 405, before credentials are looked at', async () => {
    const api = octopush(sb);
    expect(await api.call('GET', '/sms-campaign/list', undefined, {})).toMatchObject({ status: 404 });
    const wrong = await api.call('GET', '/sms-campaign/send', undefined, {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await fetch(`${sb.url}/sms-campaign/send`, { method: 'POST' })).status).toBe(404);
  });
});
