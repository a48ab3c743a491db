#!/usr/bin/env node
/**
 * `npm run emulator [-- options]`: the Dataverse Web API emulator on 127.0.0.1.
 *   --port N            (default EMULATOR_PORT or 5500)   --data DIR   (default .data/dataverse)
 *   --reset             start empty                       --seed demo  load the demo data
 *   --solution ZIP      import a solution zip (repeatable, in order)
 *   --require-auth      refuse requests without a bearer token (401)
 *   --rate-limit N/S    N requests per S seconds per user (429 + Retry-After past it)
 *   --max-concurrent N  concurrent requests per user
 */
import { resolve } from 'node:path';
import { startEmulator } from './index';

function parseArgs(argv: string[]) {
  const args = { port: Number(process.env.EMULATOR_PORT ?? 5500), dataDir: resolve(process.cwd(), '.data/dataverse'), reset: false, seed: undefined as 'demo' | undefined, solutions: [] as string[], requireAuth: false, limits: {} as { requestsPerWindow?: number; windowSeconds?: number; maxConcurrent?: number } };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value.`);
      return v;
    };
    if (a === '--port') args.port = Number(value());
    else if (a === '--data') args.dataDir = resolve(value());
    else if (a === '--reset') args.reset = true;
    else if (a === '--seed') {
      const s = value();
      if (s !== 'demo') throw new Error(`Unknown seed '${s}': only "demo" exists.`);
      args.seed = 'demo';
    } else if (a === '--solution') args.solutions.push(resolve(value()));
    else if (a === '--require-auth') args.requireAuth = true;
    else if (a === '--rate-limit') {
      const [n, s] = value().split('/');
      args.limits.requestsPerWindow = Number(n);
      args.limits.windowSeconds = Number(s ?? 300);
    } else if (a === '--max-concurrent') args.limits.maxConcurrent = Number(value());
    else throw new Error(`Unknown option ${a}. See the header of emulator/src/server.ts.`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator({ ...args, host: '127.0.0.1' });
  console.log(`Dataverse emulator listening on ${emulator.url} (data: ${args.dataDir})`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
