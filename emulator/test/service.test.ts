import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { DynamicsWebApi } from 'dynamics-web-api';
import { start } from './support/harness';
import { startEmulator, stableId } from '../src/index';

describe('service protection', () => {
  test('answers 429 with Retry-After past the request limit, as dynamics-web-api sees it', async () => {
    const { emulator, api } = await start({ limits: { requestsPerWindow: 3, windowSeconds: 60 } });
    try {
      for (let i = 0; i < 3; i++) await api.callFunction({ name: 'WhoAmI' });
      const error = await api.callFunction({ name: 'WhoAmI' }).catch((e: unknown) => e as { status: number; code: string; headers: Record<string, string> });
      expect(error).toMatchObject({ status: 429, code: '0x80072322' });
      expect(Number(error.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(error.headers['retry-after'])).toBeLessThanOrEqual(60);
    } finally {
      await emulator.stop();
    }
  });

  test('answers 429 past the concurrency limit', async () => {
    const emulator = await startEmulator({ limits: { maxConcurrent: 1 } });
    try {
      // A request whose body is still arriving stays in flight.
      const body = JSON.stringify({ lastname: 'Slow' });
      const pending = request(`${emulator.url}contacts`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length), Authorization: 'Bearer a' } });
      const done = new Promise<number>((resolve) => pending.on('response', (r) => resolve(r.statusCode ?? 0)));
      pending.write(body.slice(0, 5));
      await new Promise((r) => setTimeout(r, 50));
      const second = await fetch(`${emulator.url}WhoAmI`, { headers: { Authorization: 'Bearer a' } });
      expect(second.status).toBe(429);
      expect(((await second.json()) as { error: { code: string } }).error.code).toBe('0x80072326');
      expect(second.headers.get('retry-after')).toBe('1');
      pending.end(body.slice(5));
      expect(await done).toBe(204);
    } finally {
      await emulator.stop();
    }
  });
});

describe('authorization', () => {
  test('--require-auth refuses requests without a bearer token', async () => {
    const emulator = await startEmulator({ requireAuth: true });
    try {
      expect((await fetch(`${emulator.url}WhoAmI`)).status).toBe(401);
      expect((await fetch(`${emulator.url}WhoAmI`, { headers: { Authorization: 'Bearer x' } })).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });
});

describe('persistence and the demo seed', () => {
  test('data survives a restart, reset starts empty, and the demo seed is deterministic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dataverse-'));
    try {
      const first = await startEmulator({ dataDir: dir, seed: 'demo' });
      const api = new DynamicsWebApi({ serverUrl: first.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 't' });
      const david = await api.retrieve<{ fullname: string; mobilephone: string }>({ collection: 'contacts', key: stableId('demo:contact:david'), select: ['fullname', 'mobilephone'] });
      expect(david).toMatchObject({ fullname: 'David Smith', mobilephone: '06 49 81 90 06' });
      await api.create({ collection: 'contacts', data: { lastname: 'Persisted' } });
      await first.stop();

      const second = await startEmulator({ dataDir: dir, seed: 'demo' });
      const api2 = new DynamicsWebApi({ serverUrl: second.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 't' });
      expect((await api2.retrieveMultiple({ collection: 'contacts', filter: "lastname eq 'Persisted'" })).value).toHaveLength(1);
      expect((await api2.retrieveMultiple({ collection: 'contacts', filter: "lastname eq 'Smith'" })).value).toHaveLength(1);
      const mobiles = (await api2.retrieveMultiple<{ mobilephone: string }>({ collection: 'leads', select: ['mobilephone'], orderBy: ['fullname'] })).value.map((l) => l.mobilephone);
      expect(mobiles).toEqual(['(212) 555-0199', '+44 7911 123456', '+972 54-765-4321', '+33 7 81 23 45 67']);
      expect((await api2.retrieveMultiple({ collection: 'salesorders' })).value).toHaveLength(1);
      expect((await api2.retrieveMultiple({ collection: 'incidents' })).value).toHaveLength(1);
      await second.stop();

      const third = await startEmulator({ dataDir: dir, reset: true });
      const api3 = new DynamicsWebApi({ serverUrl: third.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 't' });
      expect((await api3.retrieveMultiple({ collection: 'contacts' })).value).toHaveLength(0);
      await third.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
