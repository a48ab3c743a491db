import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { timingSafeEqual } from 'node:crypto';
import { services } from '../composition';
import { http } from '../registry';

function secretMatches(given: string | null | undefined, expected: string): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** JSON as Octopush documents it, or form fields, which some accounts are set up to post. */
async function readBody(request: HttpRequest): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

/**
 * Delivery reports, replies and STOP from the provider. The secret travels in the URL the
 * provider is given (path or `secret` query); anything without it is 401 and changes nothing.
 */
export async function providerCallback(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const app = services();
  const secret = request.params.secret ?? request.query.get('secret') ?? request.headers.get('x-smsc-callback-secret');
  if (!secretMatches(secret, app.settings.callbackSecret)) return { status: 401, jsonBody: { message: 'Missing or wrong callback secret.' } };
  if ((request.params.provider ?? 'octopush') !== 'octopush') return { status: 404, jsonBody: { message: 'Unknown provider.' } };
  const body = await readBody(request);
  const configuration = await app.repositories.configuration.get();
  if (!configuration) return { status: 503, jsonBody: { message: 'The SMS connector is not configured.' } };
  const events = app.provider(configuration).parseCallback(body);
  const results = [];
  for (const event of events) {
    results.push(await app.events.apply(event));
  }
  context.log(`Provider callback: ${events.length} event(s)`, JSON.stringify(results));
  return { status: 200, jsonBody: { events: results } };
}

http('providerCallback', { methods: ['POST'], authLevel: 'anonymous', route: 'provider/{provider}/callback/{secret?}', handler: providerCallback });
