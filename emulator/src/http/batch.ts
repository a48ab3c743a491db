/**
 * `$batch` (powerapps-docs execute-batch-operations-using-web-api, OData 4.0 §11.7): up to 1,000
 * requests in a multipart/mixed body, change sets that succeed or roll back as one, Content-ID
 * references ($1) in URLs and bodies, `Prefer: odata.continue-on-error`, and a multipart response
 * in the same shape (change set answers nested in a changesetresponse part).
 */
import { newId } from '../util/ids';
import { inTransaction } from '../store/transaction';
import type { DataverseService } from '../service';
import { errors } from './errors';
import { parsePrefer } from './prefer';
import { ApiRequest, ApiResponse } from './request';

const MAX_REQUESTS = 1000;

interface Part {
  headers: Record<string, string>;
  body: string;
}

interface HttpPart {
  contentId?: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

type Item = { kind: 'single'; request: HttpPart } | { kind: 'changeset'; requests: HttpPart[] };

function boundaryOf(contentType: string | undefined): string {
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '');
  if (!m) throw errors.badQuery('The $batch request must have a Content-Type of multipart/mixed with a boundary.');
  return m[2]!;
}

function splitParts(body: string, boundary: string): Part[] {
  const delimiter = `--${boundary}`;
  const chunks = body.split(delimiter);
  const parts: Part[] = [];
  for (let i = 1; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (chunk.startsWith('--')) break;
    const text = chunk.replace(/^\r?\n/, '');
    const split = /\r?\n\r?\n/.exec(text);
    const headerText = split ? text.slice(0, split.index) : text;
    const rest = split ? text.slice(split.index + split[0].length) : '';
    parts.push({ headers: parseHeaders(headerText), body: rest.replace(/\r?\n$/, '') });
  }
  return parts;
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function parseHttpPart(part: Part): HttpPart {
  const text = part.body;
  const lineEnd = /\r?\n/.exec(text);
  const requestLine = lineEnd ? text.slice(0, lineEnd.index) : text;
  const m = /^(GET|POST|PATCH|PUT|DELETE)\s+(\S+)(?:\s+HTTP\/1\.[01])?$/.exec(requestLine.trim());
  if (!m) throw errors.badQuery(`Invalid request line in $batch part: '${requestLine}'.`);
  const afterLine = lineEnd ? text.slice(lineEnd.index + lineEnd[0].length) : '';
  const split = /\r?\n\r?\n/.exec(afterLine);
  const headers = parseHeaders(split ? afterLine.slice(0, split.index) : afterLine);
  const body = split ? afterLine.slice(split.index + split[0].length) : '';
  return { contentId: part.headers['content-id'], method: m[1]!, url: m[2]!, headers, body: body.trim() };
}

function parseBatch(req: ApiRequest): Item[] {
  const items: Item[] = [];
  for (const part of splitParts(req.body, boundaryOf(req.headers['content-type']))) {
    const type = part.headers['content-type'] ?? '';
    if (/multipart\/mixed/i.test(type)) {
      const requests = splitParts(part.body, boundaryOf(type)).map(parseHttpPart);
      for (const r of requests) if (r.method === 'GET') throw errors.badQuery('GET requests are not allowed inside a change set.');
      items.push({ kind: 'changeset', requests });
    } else items.push({ kind: 'single', request: parseHttpPart(part) });
  }
  const count = items.reduce((n, i) => n + (i.kind === 'single' ? 1 : i.requests.length), 0);
  if (count > MAX_REQUESTS) throw errors.badQuery(`The number of requests in a batch (${count}) exceeds the limit of ${MAX_REQUESTS}.`);
  return items;
}

/** Turns an absolute, server-relative or root-relative URL into the service path and query. */
function toServicePath(url: string, root: string, references: Map<string, string>): { path: string; query: string } {
  let u = url;
  const ref = /^\$([\w-]+)(.*)$/.exec(u);
  if (ref) {
    const target = references.get(ref[1]!);
    if (!target) throw errors.badQuery(`Content-ID Reference: '$${ref[1]}' does not exist in the batch context.`);
    u = target + ref[2];
  }
  const rootPath = new URL(root).pathname;
  let pathAndQuery = u;
  if (/^https?:\/\//i.test(u)) {
    const parsed = new URL(u);
    pathAndQuery = parsed.pathname + parsed.search;
  }
  if (pathAndQuery.startsWith(rootPath)) pathAndQuery = pathAndQuery.slice(rootPath.length);
  else if (pathAndQuery.startsWith('/')) pathAndQuery = pathAndQuery.replace(/^\/api\/data\/v9\.\d\//, '');
  const i = pathAndQuery.indexOf('?');
  return i < 0 ? { path: pathAndQuery, query: '' } : { path: pathAndQuery.slice(0, i), query: pathAndQuery.slice(i + 1) };
}

function substituteReferences(body: string, references: Map<string, string>): string {
  return body.replace(/"\$([\w-]+)"/g, (whole, id: string) => (references.has(id) ? JSON.stringify(references.get(id)) : whole));
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 412: 'Precondition Failed', 429: 'Too Many Requests', 500: 'Internal Server Error' };

function renderResponse(response: ApiResponse, contentId?: string): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary'];
  if (contentId) lines.push(`Content-ID: ${contentId}`);
  lines.push('', `HTTP/1.1 ${response.status} ${STATUS_TEXT[response.status] ?? ''}`.trimEnd());
  for (const [k, v] of Object.entries(response.headers)) lines.push(`${k}: ${v}`);
  lines.push('', typeof response.body === 'string' ? response.body : (response.body?.toString('utf8') ?? ''));
  return lines.join('\r\n');
}

export async function handleBatch(service: DataverseService, req: ApiRequest): Promise<ApiResponse> {
  const items = parseBatch(req);
  const continueOnError = parsePrefer(req.headers['prefer']).continueOnError;
  const boundary = `batchresponse_${newId()}`;
  const chunks: string[] = [];
  let failed = false;

  const run = (part: HttpPart, references: Map<string, string>) => {
    const { path, query } = toServicePath(part.url, req.root, references);
    return service.handle({ method: part.method, path, query, headers: { ...part.headers, prefer: part.headers['prefer'] ?? '' }, body: substituteReferences(part.body, references), root: req.root, ctx: req.ctx });
  };

  for (const item of items) {
    if (failed && !continueOnError) break;
    if (item.kind === 'single') {
      const response = await run(item.request, new Map());
      chunks.push(renderResponse(response));
      if (response.status >= 400) failed = true;
      continue;
    }
    const references = new Map<string, string>();
    const answers: Array<{ response: ApiResponse; contentId?: string }> = [];
    let failure: ApiResponse | undefined;
    try {
      await service.engine.exclusive(() =>
          inTransaction(service.engine.store, async () => {
            for (const request of item.requests) {
              const response = await run(request, references);
              if (response.status >= 400) {
                failure = response;
                throw new Error('change set failed');
              }
              const entityId = response.headers['OData-EntityId'];
              if (request.contentId && entityId) references.set(request.contentId, entityId);
              answers.push({ response, contentId: request.contentId });
            }
          }),
      );
    } catch (error) {
      if (!failure) throw error;
    }
    if (failure) {
      // A failed change set is answered by its one error; everything in it was rolled back.
      chunks.push(renderResponse(failure));
      failed = true;
      continue;
    }
    const changeset = `changesetresponse_${newId()}`;
    const inner = answers.map((a) => `--${changeset}\r\n${renderResponse(a.response, a.contentId)}`).join('\r\n');
    chunks.push(`Content-Type: multipart/mixed; boundary=${changeset}\r\n\r\n${inner}\r\n--${changeset}--`);
  }
  const body = `${chunks.map((c) => `--${boundary}\r\n${c}`).join('\r\n')}\r\n--${boundary}--\r\n`;
  return { status: failed && !continueOnError ? 400 : 200, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'OData-Version': '4.0' }, body };
}
