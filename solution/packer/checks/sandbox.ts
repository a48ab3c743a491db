/**
 * Loads a built browser bundle in a Node vm context that stands for the browser window, so the
 * checks can see which global functions it really defines (the names forms and ribbons call).
 */
import { createContext, runInContext } from 'node:vm';

export type Globals = Record<string, unknown>;

export function loadBundle(source: string, fileName: string): Globals {
  const context: Globals = { console: { log() {}, warn() {}, error() {}, info() {}, debug() {} }, setTimeout, clearTimeout, URL, TextEncoder, TextDecoder };
  context.window = context;
  context.self = context;
  context.globalThis = context;
  createContext(context);
  try {
    runInContext(source, context, { filename: fileName, timeout: 5000 });
  } catch (error) {
    throw new Error(`${fileName} failed to load in a sandbox: ${(error as Error).message}`);
  }
  return context;
}

/** Resolves `A.B.c` from the globals; undefined when any part is missing. */
export function resolvePath(globals: Globals, dotted: string): unknown {
  let current: unknown = globals;
  for (const part of dotted.split('.')) {
    if (current === null || (typeof current !== 'object' && typeof current !== 'function')) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
