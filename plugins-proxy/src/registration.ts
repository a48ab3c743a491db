import { AUTH_WEBHOOK_KEY, BACKEND_URL_VARIABLE, CUSTOM_API_MESSAGES, ENDPOINT_NAME, MESSAGE_FORMAT_JSON, MODE_SYNCHRONOUS, STAGE_POST_OPERATION, WEBHOOK_CONTRACT, WEBHOOK_PATH } from './names';

export interface RegistrationInput {
  /** Base URL of the deployed backend, e.g. https://contoso-sms.azurewebsites.net */
  backendUrl: string;
  /** The Functions key (or any key the backend's WEBHOOK_KEY holds). */
  webhookKey: string;
}

export interface RegistrationReport {
  changes: string[];
  unchanged: string[];
  /** Messages whose Custom API is not in this environment (e.g. Sales solution not imported). */
  skipped: string[];
}

type Row = Record<string, unknown>;

/**
 * The Web API operations registration needs, by table logical name: implemented over
 * dynamics-web-api for the command line (dynamics-adapter.ts) and over Xrm.WebApi for the
 * configuration page's "Connect backend".
 */
export interface RegistrationApi {
  query(table: string, options: { select: string[]; filter: string; expand?: { property: string; select: string[] } }): Promise<Row[]>;
  create(table: string, data: Row): Promise<string>;
  update(table: string, id: string, data: Row): Promise<void>;
}

/** A short fingerprint of the key, kept in the endpoint description: the key itself is write-only. */
export async function keyFingerprint(key: string): Promise<string> {
  const bytes = new TextEncoder().encode(`smsc:${key}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Points the solution's webhook service endpoint at the backend and registers the synchronous
 * steps of the Custom API messages, whose ids exist only after import. Idempotent: a second run
 * with the same input reports everything unchanged and writes nothing.
 */
export async function registerBackend(api: RegistrationApi, input: RegistrationInput): Promise<RegistrationReport> {
  const report: RegistrationReport = { changes: [], unchanged: [], skipped: [] };
  const backendUrl = input.backendUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(backendUrl)) throw new Error(`registerBackend: backendUrl "${input.backendUrl}" is not an http(s) URL.`);
  if (!input.webhookKey.trim()) throw new Error('registerBackend: webhookKey is empty.');
  const url = backendUrl + WEBHOOK_PATH;
  const fingerprint = await keyFingerprint(input.webhookKey);
  const description = `SMS Connector backend. Key fingerprint ${fingerprint}.`;

  // 1. The service endpoint: shipped by the solution, completed here (URL and key).
  const endpoints = await api.query('serviceendpoint', { select: ['serviceendpointid', 'url', 'authtype', 'description', 'contract'], filter: `name eq ${odataString(ENDPOINT_NAME)}` });
  let endpointId = endpoints[0]?.serviceendpointid as string | undefined;
  if (!endpointId) {
    endpointId = await api.create('serviceendpoint', {
      name: ENDPOINT_NAME, contract: WEBHOOK_CONTRACT, connectionmode: 1, messageformat: MESSAGE_FORMAT_JSON, authtype: AUTH_WEBHOOK_KEY, authvalue: input.webhookKey, url, description, userclaim: 1,
    });
    report.changes.push(`service endpoint ${ENDPOINT_NAME} created (${url})`);
  } else {
    const current = endpoints[0] as Row;
    if (current.url !== url || current.authtype !== AUTH_WEBHOOK_KEY || current.description !== description) {
      await api.update('serviceendpoint', endpointId, { url, authtype: AUTH_WEBHOOK_KEY, authvalue: input.webhookKey, description });
      report.changes.push(`service endpoint ${ENDPOINT_NAME} now calls ${url}`);
    } else {
      report.unchanged.push(`service endpoint ${ENDPOINT_NAME}`);
    }
  }

  // 2. The environment variable that tells scripts where the backend is.
  await setEnvironmentVariable(api, BACKEND_URL_VARIABLE, backendUrl, report);

  // 3. One synchronous post-operation step per Custom API message.
  for (const message of CUSTOM_API_MESSAGES) {
    const found = await api.query('sdkmessage', { select: ['sdkmessageid', 'name'], filter: `name eq ${odataString(message.name)}` });
    const messageId = found[0]?.sdkmessageid as string | undefined;
    if (!messageId) {
      report.skipped.push(`${message.name} (its Custom API is not in this environment: import ${message.solution})`);
      continue;
    }
    const steps = await api.query('sdkmessageprocessingstep', {
      select: ['sdkmessageprocessingstepid', 'stage', 'mode', 'statecode'],
      filter: `_sdkmessageid_value eq ${messageId} and _eventhandler_value eq ${endpointId}`,
    });
    const step = steps[0];
    const name = `${ENDPOINT_NAME}: ${message.name}`;
    if (!step) {
      await api.create('sdkmessageprocessingstep', {
          name,
          description: `Calls the SMS Connector backend when ${message.name} runs.`,
          stage: STAGE_POST_OPERATION,
          mode: MODE_SYNCHRONOUS,
          rank: 1,
          supporteddeployment: 0,
          invocationsource: 0,
          asyncautodelete: false,
          'sdkmessageid@odata.bind': `/sdkmessages(${messageId})`,
          'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${endpointId})`,
      });
      report.changes.push(`step ${name} registered`);
    } else if (step.stage !== STAGE_POST_OPERATION || step.mode !== MODE_SYNCHRONOUS || step.statecode !== 0) {
      await api.update('sdkmessageprocessingstep', String(step.sdkmessageprocessingstepid), { stage: STAGE_POST_OPERATION, mode: MODE_SYNCHRONOUS, statecode: 0, statuscode: 1 });
      report.changes.push(`step ${name} set back to synchronous post-operation and enabled`);
    } else {
      report.unchanged.push(`step ${name}`);
    }
  }
  return report;
}

async function setEnvironmentVariable(api: RegistrationApi, schemaName: string, value: string, report: RegistrationReport): Promise<void> {
  const definitions = await api.query('environmentvariabledefinition', {
    select: ['environmentvariabledefinitionid'],
    filter: `schemaname eq ${odataString(schemaName)}`,
    expand: { property: 'environmentvariabledefinition_environmentvariablevalue', select: ['environmentvariablevalueid', 'value'] },
  });
  const definition = definitions[0];
  if (!definition) {
    report.skipped.push(`environment variable ${schemaName} (not in this environment: import SmsConnector first)`);
    return;
  }
  const values = (definition.environmentvariabledefinition_environmentvariablevalue as Row[] | undefined) ?? [];
  const current = values[0];
  if (current && current.value === value) {
    report.unchanged.push(`environment variable ${schemaName}`);
    return;
  }
  if (current) {
    await api.update('environmentvariablevalue', String(current.environmentvariablevalueid), { value });
  } else {
    await api.create('environmentvariablevalue', {
      schemaname: schemaName,
      value,
      'EnvironmentVariableDefinitionId@odata.bind': `/environmentvariabledefinitions(${definition.environmentvariabledefinitionid})`,
    });
  }
  report.changes.push(`environment variable ${schemaName} = ${value}`);
}
