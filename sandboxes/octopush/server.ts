// `npm run sandbox`: the Octopush sandbox on 127.0.0.1:SANDBOX_PORT (default 5600) until Ctrl-C.
import { readFileSync } from 'node:fs';
import { merge, type SandboxOptions } from './options';
import { startSandbox, type RunningSandbox } from './start';

export const DEFAULT_PORT = 5600;

/** Options from the environment: a JSON file (SANDBOX_CONFIG) then single variables over it. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): SandboxOptions {
  let options: SandboxOptions = env.SANDBOX_CONFIG ? (JSON.parse(readFileSync(env.SANDBOX_CONFIG, 'utf8')) as SandboxOptions) : {};
  const port = env.SANDBOX_PORT ?? (options.port === undefined ? String(DEFAULT_PORT) : undefined);
  if (port !== undefined) {
    if (!/^\d+$/.test(port) || Number(port) > 65535) throw new Error(`SANDBOX_PORT must be a port number (got ${JSON.stringify(port)})`);
    options.port = Number(port);
  }
  options.host ??= env.SANDBOX_HOST ?? '127.0.0.1';
  if (env.SANDBOX_CALLBACK_URL) {
    const url = env.SANDBOX_CALLBACK_URL;
    options = merge(options, { callbacks: { deliveryUrl: url, inboundUrl: url, optoutUrl: url } });
  }
  if (env.SANDBOX_API_LOGIN || env.SANDBOX_API_KEY || env.SANDBOX_CREDIT) {
    const first = { login: 'sandbox@example.com', apiKey: 'sandbox-api-key', balance: 100, ...options.accounts?.[0] };
    if (env.SANDBOX_API_LOGIN) first.login = env.SANDBOX_API_LOGIN;
    if (env.SANDBOX_API_KEY) first.apiKey = env.SANDBOX_API_KEY;
    if (env.SANDBOX_CREDIT) first.balance = Number(env.SANDBOX_CREDIT);
    options.accounts = [first, ...(options.accounts?.slice(1) ?? [])];
  }
  if (env.SANDBOX_SEED) options.seed = Number(env.SANDBOX_SEED);
  return options;
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<RunningSandbox> {
  const sandbox = await startSandbox(optionsFromEnv(env));
  console.log(`Octopush sandbox (API v1) on ${sandbox.apiUrl}`);
  console.log(`  headers  api-login: ${sandbox.login}   api-key: ${sandbox.apiKey}`);
  console.log(`  inspect  ${sandbox.url}/_sandbox/messages  /requests  /callbacks  /campaigns  /accounts  /config`);
  return sandbox;
}

if (require.main === module) {
  main().then(
    (sandbox) => {
      const stop = () => void sandbox.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`Octopush sandbox did not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
