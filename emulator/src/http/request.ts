/** Transport-independent request and response, shared by the HTTP server and $batch parts. */
import { CallerContext } from '../engine';
import { errors } from './errors';

export interface ApiRequest {
  method: string;
  /** Path after the service root, e.g. "contacts(…)/Microsoft.Dynamics.CRM.X". */
  path: string;
  /** Raw query string without "?" (values still encoded). */
  query: string;
  headers: Record<string, string>;
  body: string;
  /** Service root, e.g. "http://127.0.0.1:5500/api/data/v9.2/". */
  root: string;
  ctx: CallerContext;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** Text, or the bytes of JSON serialised by a JsonWriter. */
  body?: string | Buffer;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

/** A JSON response already serialised (rows written by a JsonWriter). */
export function jsonBytes(status: number, body: Buffer, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body };
}

export function noContent(headers: Record<string, string> = {}): ApiResponse {
  return { status: 204, headers: { 'OData-Version': '4.0', ...headers } };
}

/** Query options decoded with decodeURIComponent ("+" stays "+", as OData expects). */
export function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of query.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const key = decodeURIComponent(i < 0 ? part : part.slice(0, i));
    out[key] = i < 0 ? '' : decodeURIComponent(part.slice(i + 1));
  }
  return out;
}

/** Splits "a(x)/b('y/z')/c" into segments, keeping parentheses and quotes intact. */
export function splitPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const c of path) {
    if (c === "'") quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (c === '/' && depth === 0 && !quoted) {
      if (current) segments.push(current);
      current = '';
    } else current += c;
  }
  if (current) segments.push(current);
  return segments.map((s) => decodeURIComponent(s));
}

/** "contacts(abc)" → { name: "contacts", key: "abc" }. */
export function segmentKey(segment: string): { name: string; key?: string } {
  const m = /^([^(]+)(?:\((.*)\))?$/s.exec(segment);
  return { name: m?.[1] ?? segment, key: m?.[2] };
}

/** A JSON request body; an empty body is an empty object. */
export function parseBody(body: string): unknown {
  if (!body.trim()) return {};
  try {
    return JSON.parse(body);
  } catch {
    throw errors.badQuery('The request body is not valid JSON.');
  }
}
