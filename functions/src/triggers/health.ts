import type { HttpResponseInit } from '@azure/functions';
import { http } from '../registry';

/** Liveness for the start script and the platform's health check; touches nothing. */
export async function health(): Promise<HttpResponseInit> {
  return { status: 200, jsonBody: { status: 'ok' } };
}

http('health', { methods: ['GET'], authLevel: 'anonymous', route: 'health', handler: health });
