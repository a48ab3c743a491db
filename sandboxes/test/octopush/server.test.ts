// `npm run sandbox`: options from the environment, start and stop.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, optionsFromEnv } from '../../octopush/server';
import { alert, octopush } from './helpers';

test('defaults: 127.0.0.1, port 5600', () => {
  expect(optionsFromEnv({})).toEqual({ port: 5600, host: '127.0.0.1' });
});

test('SANDBOX_CONFIG (JSON file) then single variables over it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  const file = join(dir, 'sandbox.json');
  writeFileSync(file, JSON.stringify({ delivery: { delayMs: 5 }, accounts: [{ login: 'file@x.y', apiKey: 'f', balance: 3 }] }));
  expect(optionsFromEnv({
    SANDBOX_CONFIG: file, SANDBOX_PORT: '6001', SANDBOX_CALLBACK_URL: 'http://127.0.0.1:7071/api/provider/octopush', SANDBOX_API_KEY: 'env-key', SANDBOX_CREDIT: '42', SANDBOX_SEED: '5',
  })).toEqual({
    port: 6001,
    host: '127.0.0.1',
    seed: 5,
    delivery: { delayMs: 5 },
    accounts: [{ login: 'file@x.y', apiKey: 'env-key', balance: 42 }],
    callbacks: {
      deliveryUrl: 'http://127.0.0.1:7071/api/provider/octopush',
      inboundUrl: 'http://127.0.0.1:7071/api/provider/octopush',
      optoutUrl: 'http://127.0.0.1:7071/api/provider/octopush',
    },
  });
});

test('a bad port is refused with a message naming the variable', () => {
  expect(() => optionsFromEnv({ SANDBOX_PORT: 'http' })).toThrow('SANDBOX_PORT must be a port number');
});

test('main() starts a sandbox that answers Octopush requests', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const sb = await main({ SANDBOX_PORT: '0', SANDBOX_API_LOGIN: 'me@x.y', SANDBOX_API_KEY: 'k' });
  try {
    expect(log.mock.calls[0]![0]).toBe(`Octopush sandbox (API v1) on ${sb.apiUrl}`);
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await octopush(sb).send(alert())).status).toBe(200);
  } finally {
    await sb.stop();
    log.mockRestore();
  }
});
