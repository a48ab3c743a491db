/**
 * Azurite, Microsoft's local Azure Storage emulator (queues and blobs), as child processes: in
 * memory on free ports for tests and benchmarks, or on fixed ports with a data folder for npm start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, createConnection } from 'node:net';

export interface RunningAzurite {
  connectionString: string;
  stop(): Promise<void>;
}

const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`Azurite did not open port ${port} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface AzuriteOptions {
  /** Fixed ports (npm start); free ports when absent. */
  queuePort?: number;
  blobPort?: number;
  /** Data folder; in memory when absent. */
  location?: string;
}

function start(script: string, args: string[], location: string | undefined): ChildProcess {
  const storage = location ? ['--location', location] : ['--inMemoryPersistence'];
  return spawn(process.execPath, [require.resolve(script), ...args, ...storage, '--skipApiVersionCheck', '--disableTelemetry', '--silent', '--loose'], { stdio: 'ignore' });
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const queuePort = options.queuePort ?? (await freePort());
  const blobPort = options.blobPort ?? (await freePort());
  const children = [
    start('azurite/dist/src/queue/main.js', ['--queueHost', '127.0.0.1', '--queuePort', String(queuePort)], options.location),
    start('azurite/dist/src/blob/main.js', ['--blobHost', '127.0.0.1', '--blobPort', String(blobPort)], options.location),
  ];
  // Children outlive a parent that fails midway unless told otherwise; 'exit' handlers must be
  // synchronous, and kill() is.
  const killChildren = () => children.forEach((child) => child.kill('SIGTERM'));
  process.once('exit', killChildren);
  try {
    await Promise.all([waitForPort(queuePort), waitForPort(blobPort)]);
  } catch (error) {
    killChildren();
    throw error;
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};QueueEndpoint=http://127.0.0.1:${queuePort}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:${blobPort}/devstoreaccount1;`,
    async stop() {
      process.removeListener('exit', killChildren);
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
