import { parseArgs } from 'node:util';
import { DynamicsWebApi } from 'dynamics-web-api';
import { createTokenProvider } from '@smsc/functions/dist/dataverse/token';
import { readDataverseAuth } from '@smsc/functions/dist/config/settings';
import { registerBackend } from './registration';
import { registrationApiFromDynamicsWebApi } from './dynamics-adapter';

const USAGE = `Usage: npm run register -- --backend-url <url> --key <webhook key> [--dataverse-url <url>] [--token <bearer>]

Points the SMS Connector's webhook at the backend and registers the Custom API steps.
Dataverse is reached with DATAVERSE_URL and one of: DATAVERSE_CLIENT_SECRET (+ DATAVERSE_TENANT_ID,
DATAVERSE_CLIENT_ID), DATAVERSE_MANAGED_IDENTITY=true, DATAVERSE_STATIC_TOKEN (local emulator), or --token.
BACKEND_URL and WEBHOOK_KEY may replace the flags.`;

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { 'backend-url': { type: 'string' }, key: { type: 'string' }, 'dataverse-url': { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataverseUrl = (values['dataverse-url'] ?? env.DATAVERSE_URL ?? '').replace(/\/+$/, '');
  const backendUrl = values['backend-url'] ?? env.BACKEND_URL ?? '';
  const key = values.key ?? env.WEBHOOK_KEY ?? '';
  const missing = [!dataverseUrl && '--dataverse-url (or DATAVERSE_URL)', !backendUrl && '--backend-url (or BACKEND_URL)', !key && '--key (or WEBHOOK_KEY)'].filter(Boolean);
  if (missing.length > 0) {
    console.error(`Missing: ${missing.join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  const problems: string[] = [];
  const auth = readDataverseAuth(values.token ? { DATAVERSE_STATIC_TOKEN: values.token } : env, problems);
  if (problems.length > 0) {
    console.error(`${problems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  const api = new DynamicsWebApi({ serverUrl: dataverseUrl, dataApi: { version: '9.2' }, onTokenRefresh: createTokenProvider(dataverseUrl, auth), propagateErrors: true });
  const report = await registerBackend(registrationApiFromDynamicsWebApi(api), { backendUrl, webhookKey: key });
  for (const line of report.changes) console.log(`changed    ${line}`);
  for (const line of report.unchanged) console.log(`unchanged  ${line}`);
  for (const line of report.skipped) console.log(`skipped    ${line}`);
  console.log(report.changes.length === 0 ? 'Nothing to change: the environment was already wired.' : `${report.changes.length} change(s) made.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Registration failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
