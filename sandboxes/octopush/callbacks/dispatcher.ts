// Posts callbacks as Octopush does (HTTP POST, JSON body) and retries a bounded number of times
// when the receiver fails. Octopush documents no retry policy; the bound and delays are options.
import type { Runtime } from '../runtime';
import type { CallbackRecord } from '../state/records';

export function dispatchCallback(rt: Runtime, kind: CallbackRecord['kind'], url: string | undefined, payload: Record<string, unknown>): CallbackRecord {
  const record: CallbackRecord = { id: rt.store.nextCallbackId(), kind, payload, attempts: [], state: url ? 'pending' : 'no-url' };
  if (url) record.url = url;
  rt.store.callbacks.push(record);
  if (url) queue(rt, record, url, rt.abort.signal);
  return record;
}

function queue(rt: Runtime, record: CallbackRecord, url: string, stopped: AbortSignal): void {
  rt.callbackLimiter.run(() => attempt(rt, record, url, stopped));
}

async function attempt(rt: Runtime, record: CallbackRecord, url: string, stopped: AbortSignal): Promise<void> {
  const { timeoutMs, retries, retryDelayMs } = rt.config.callbacks;
  const at = new Date().toISOString();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'octopush-sandbox' },
      body: JSON.stringify(record.payload),
      signal: AbortSignal.any([stopped, AbortSignal.timeout(timeoutMs)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    record.attempts.push({ at, status: response.status });
    if (response.ok) {
      record.state = 'delivered';
      return;
    }
  } catch (error) {
    if (stopped.aborted) return;
    record.attempts.push({ at, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
  if (stopped.aborted) return;
  if (record.attempts.length > retries) {
    record.state = 'failed';
    return;
  }
  const wait = retryDelayMs * 2 ** (record.attempts.length - 1);
  rt.scheduler.after(wait, () => queue(rt, record, url, stopped));
}
