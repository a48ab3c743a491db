import { timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '@azure/functions';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Accepts the key as Dataverse's service endpoint sends it: WebhookKey (`?code=`), the Functions
 * header (`x-functions-key`), or an HttpHeader endpoint's configured header. Nothing else passes.
 */
export function hasWebhookKey(request: HttpRequest, key: string, headerName: string): boolean {
  if (!key) return false;
  const candidates = [request.query.get('code'), request.headers.get('x-functions-key'), request.headers.get(headerName)];
  return candidates.some((c) => typeof c === 'string' && c.length > 0 && same(c, key));
}
