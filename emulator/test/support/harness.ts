/** Starts an emulator on a free port and a dynamics-web-api client pointed at it. */
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DynamicsWebApi } from 'dynamics-web-api';
import { EmulatorOptions, RunningEmulator, startEmulator } from '../../src/index';

export async function start(options: EmulatorOptions = {}): Promise<{ emulator: RunningEmulator; api: DynamicsWebApi }> {
  const emulator = await startEmulator(options);
  const api = new DynamicsWebApi({ serverUrl: emulator.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'test-token' });
  return { emulator, api };
}

export interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  raw: string;
}

/** A webhook receiver on 127.0.0.1 that answers with the statuses it is given, then 200. */
export async function webhookReceiver(statuses: number[] = []): Promise<{ url: string; received: Received[]; close: () => Promise<void>; server: Server }> {
  const received: Received[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}'), raw });
      res.writeHead(queue.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhook`;
  return { url, received, server, close: () => new Promise<void>((r) => server.close(() => r())) };
}
