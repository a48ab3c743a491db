import { app, type HttpFunctionOptions, type StorageQueueFunctionOptions, type TimerFunctionOptions } from '@azure/functions';

/**
 * Every trigger registers through here: in Azure the Functions host receives it through
 * `app`, and the local host (`host/local-host.ts`) reads the same list to serve the handlers.
 */
export type Registration =
  | { kind: 'http'; name: string; options: HttpFunctionOptions }
  | { kind: 'queue'; name: string; options: StorageQueueFunctionOptions }
  | { kind: 'timer'; name: string; options: TimerFunctionOptions };

export const registrations: Registration[] = [];

/** True inside the Azure Functions worker, which provides this module. */
function insideFunctionsRuntime(): boolean {
  try {
    require.resolve('@azure/functions-core');
    return true;
  } catch {
    return false;
  }
}

const runtime = insideFunctionsRuntime();

export function http(name: string, options: HttpFunctionOptions): void {
  registrations.push({ kind: 'http', name, options });
  if (runtime) app.http(name, options);
}

export function queue(name: string, options: StorageQueueFunctionOptions): void {
  registrations.push({ kind: 'queue', name, options });
  if (runtime) app.storageQueue(name, options);
}

export function timer(name: string, options: TimerFunctionOptions): void {
  registrations.push({ kind: 'timer', name, options });
  if (runtime) app.timer(name, options);
}
