// The emulator at Dataverse scale: loads 1,000,000 contacts (BENCH_CONTACTS to change it) into an
// emulator running in its own process, then times, through the Web API with
// `Prefer: odata.include-annotations="*",odata.maxpagesize=5000` as the backend reads:
// a filtered 5,000-row page, a full paged scan following @odata.nextLink (raw HTTP and
// dynamics-web-api), a paged scan ordered by full name, FetchXML paging with a paging cookie,
// $count, a FetchXML aggregate, and CreateMultiple / $batch writes of 1,000 rows. Each read is
// compared with the same query run directly in SQLite on the same file (the floor: no HTTP, no
// JSON) and, for the page and the scan, with the naive answer: those rows JSON.stringify'd as
// they come (no annotations, no formatting). One JSON line per measure, with the peak RSS of the
// emulator and of this client.
import { createRequire } from 'node:module';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountId, CITIES } from './support/contacts.mjs';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const { DynamicsWebApi } = require('dynamics-web-api');

const total = Number(process.env.BENCH_CONTACTS ?? 1000000);
const PAGE = 5000;
const PREFER = `odata.include-annotations="*",odata.maxpagesize=${PAGE}`;
/** What a campaign reads of each recipient: merge fields, phone, opt-out, lookups with their names. */
const SELECT = ['fullname', 'firstname', 'lastname', 'mobilephone', 'address1_city', 'gendercode', 'donotbulkemail', 'birthdate', '_parentcustomerid_value', '_ownerid_value', 'statecode', 'createdon'];
const COLUMNS = 'contactid, versionnumber, fullname, firstname, lastname, mobilephone, address1_city, gendercode, donotbulkemail, birthdate, parentcustomerid, parentcustomerid__t, ownerid, ownerid__t, statecode, createdon';
const FILTER = "address1_city eq 'Lyon' and startswith(firstname,'First1')";

const dir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));
const server = fork(new URL('./support/server.mjs', import.meta.url), [dir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const replies = [];
let waiting;
server.on('message', (m) => (waiting ? (waiting(m), (waiting = undefined)) : replies.push(m)));
const ask = (message) => {
  if (message) server.send(message);
  return new Promise((resolve) => (replies.length ? resolve(replies.shift()) : (waiting = resolve)));
};
const serverPeak = async () => (await ask({ rss: true })).peakRssMB;
const clientPeak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const report = async (line) => console.log(JSON.stringify({ ...line, serverPeakRssMB: await serverPeak(), clientPeakRssMB: clientPeak() }));
const ms = (started) => Math.round(performance.now() - started);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function get(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json', 'OData-Version': '4.0', Prefer: PREFER } });
  const body = await response.json();
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** Follows @odata.nextLink from `url` to the end; a bound on pages keeps a broken link from looping. */
async function scan(url) {
  const started = performance.now();
  let rows = 0;
  let pages = 0;
  for (let link = url; link && pages <= total / PAGE + 2; pages++) {
    const body = await get(link);
    rows += body.value.length;
    link = body['@odata.nextLink'];
  }
  return { rows, pages, ms: ms(started) };
}

/** The same keyset walk straight on SQLite; with `json`, each page also JSON.stringify'd. */
function directScan(db, where, params, order, json = false) {
  const started = performance.now();
  const keys = order.map((c) => `"${c}"`).join(', ');
  const first = db.prepare(`SELECT ${COLUMNS} FROM contact WHERE ${where} ORDER BY ${keys} LIMIT ${PAGE}`);
  const next = db.prepare(`SELECT ${COLUMNS} FROM contact WHERE ${where} AND (${keys}) > (${order.map(() => '?').join(', ')}) ORDER BY ${keys} LIMIT ${PAGE}`);
  let rows = 0;
  let chunk = first.all(...params);
  while (chunk.length) {
    rows += chunk.length;
    if (json) JSON.stringify({ value: chunk });
    const last = chunk[chunk.length - 1];
    chunk = next.all(...params, ...order.map((c) => last[c]));
  }
  return { rows, ms: ms(started) };
}

try {
  const { url, serverUrl } = await ask();
  const loaded = await ask({ load: total });
  await report({ bench: 'emulator.load', rows: total, ms: loaded.ms, rowsPerSecond: Math.round(total / (loaded.ms / 1000)) });
  const db = new Database(join(dir, 'dataverse.sqlite'), { readonly: true });
  const api = new DynamicsWebApi({ serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'bench-token' });

  // A filtered page, five times: the first includes preparing statements.
  const pageUrl = `${url}contacts?$select=${SELECT.join(',')}&$filter=${encodeURIComponent(FILTER)}`;
  const pageTimes = [];
  let page;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    page = await get(pageUrl);
    pageTimes.push(ms(started));
  }
  const directTimes = [];
  const naiveTimes = [];
  const directPage = db.prepare(`SELECT ${COLUMNS} FROM contact WHERE address1_city = ? AND firstname LIKE ? ORDER BY contactid LIMIT ${PAGE + 1}`);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const rows = directPage.all('Lyon', 'First1%');
    directTimes.push(ms(started));
    JSON.stringify({ value: rows });
    naiveTimes.push(ms(started));
  }
  const clientTimes = [];
  let viaClient;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    viaClient = await api.retrieveMultiple({ collection: 'contacts', select: SELECT, filter: FILTER, maxPageSize: PAGE, includeAnnotations: '*' });
    clientTimes.push(ms(started));
  }
  await report({ bench: 'emulator.filteredPage', rows: page.value.length, hasNextLink: !!page['@odata.nextLink'], firstMs: pageTimes[0], ms: median(pageTimes), dynamicsWebApiMs: median(clientTimes), dynamicsWebApiRows: viaClient.value.length, sqliteDirectMs: median(directTimes), naiveJsonMs: median(naiveTimes), overheadRatio: Number((median(pageTimes) / Math.max(1, median(directTimes))).toFixed(1)) });

  // The same filter sorted by full name (a view's default order): first page and the one after it.
  const orderedUrl = `${pageUrl}&$orderby=fullname`;
  let started = performance.now();
  const orderedFirst = await get(orderedUrl);
  const orderedFirstMs = ms(started);
  started = performance.now();
  const orderedSecond = orderedFirst['@odata.nextLink'] ? await get(orderedFirst['@odata.nextLink']) : { value: [] };
  const orderedSecondMs = ms(started);
  started = performance.now();
  db.prepare(`SELECT ${COLUMNS} FROM contact WHERE address1_city = ? AND firstname LIKE ? ORDER BY fullname, contactid LIMIT ${PAGE + 1}`).all('Lyon', 'First1%');
  await report({ bench: 'emulator.filteredOrderedPage', rows: orderedFirst.value.length + orderedSecond.value.length, firstPageMs: orderedFirstMs, secondPageMs: orderedSecondMs, sqliteDirectMs: ms(started) });

  // Every contact, 5,000 at a time.
  const full = await scan(`${url}contacts?$select=${SELECT.join(',')}`);
  const directFull = directScan(db, '1=1', [], ['contactid']);
  const naiveFull = directScan(db, '1=1', [], ['contactid'], true);
  await report({ bench: 'emulator.fullPagedScan', rows: full.rows, pages: full.pages, ms: full.ms, rowsPerSecond: Math.round(full.rows / (full.ms / 1000)), sqliteDirectMs: directFull.ms, sqliteDirectRows: directFull.rows, naiveJsonMs: naiveFull.ms, overheadRatio: Number((full.ms / Math.max(1, directFull.ms)).toFixed(1)) });

  // The same scan as the backend runs it: dynamics-web-api, page by page (its parsing included).
  started = performance.now();
  let clientRows = 0;
  let clientPages = 0;
  for (let link; clientPages === 0 || (link && clientPages <= total / PAGE + 2); clientPages++) {
    const result = await api.retrieveMultiple({ collection: 'contacts', select: SELECT, maxPageSize: PAGE, includeAnnotations: '*' }, link);
    clientRows += result.value.length;
    link = result.oDataNextLink;
  }
  const clientScanMs = ms(started);
  await report({ bench: 'emulator.fullPagedScanDynamicsWebApi', rows: clientRows, pages: clientPages, ms: clientScanMs, rowsPerSecond: Math.round(clientRows / (clientScanMs / 1000)) });

  // Every contact sorted by full name: keyset paging on a non-key column.
  const ordered = await scan(`${url}contacts?$select=${SELECT.join(',')}&$orderby=fullname`);
  const directOrdered = directScan(db, '1=1', [], ['fullname', 'contactid']);
  await report({ bench: 'emulator.orderedPagedScan', rows: ordered.rows, pages: ordered.pages, ms: ordered.ms, rowsPerSecond: Math.round(ordered.rows / (ordered.ms / 1000)), sqliteDirectMs: directOrdered.ms, sqliteDirectRows: directOrdered.rows });

  // A dynamic marketing list's query: FetchXML paged with its paging cookie.
  const lyon = CITIES.indexOf('Lyon');
  const fetchXml = (pageNumber, cookie) =>
    `<fetch count="${PAGE}" page="${pageNumber}"${cookie ? ` paging-cookie="${cookie.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"` : ''}><entity name="contact"><attribute name="fullname" /><attribute name="mobilephone" /><attribute name="parentcustomerid" /><order attribute="fullname" /><filter><condition attribute="address1_city" operator="eq" value="Lyon" /><condition attribute="mobilephone" operator="not-null" /></filter></entity></fetch>`;
  started = performance.now();
  let fetchRows = 0;
  let fetchPages = 0;
  const fetchPageTimes = [];
  for (let pageNumber = 1, cookie; fetchPages <= total / PAGE + 2; pageNumber++) {
    const pageStarted = performance.now();
    const result = await get(`${url}contacts?fetchXml=${encodeURIComponent(fetchXml(pageNumber, cookie))}`);
    fetchPageTimes.push(ms(pageStarted));
    fetchRows += result.value.length;
    fetchPages++;
    if (!result['@Microsoft.Dynamics.CRM.morerecords']) break;
    cookie = decodeURIComponent(decodeURIComponent(/pagingcookie="([^"]*)"/.exec(result['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'])[1]));
  }
  const fetchMs = ms(started);
  const directFetch = directScan(db, 'address1_city = ? AND mobilephone IS NOT NULL', ['Lyon'], ['fullname', 'contactid']);
  await report({ bench: 'emulator.fetchXmlPaging', rows: fetchRows, expectedRows: Math.ceil((total - lyon) / CITIES.length), pages: fetchPages, ms: fetchMs, rowsPerSecond: Math.round(fetchRows / (fetchMs / 1000)), firstPageMs: fetchPageTimes[0], lastPageMs: fetchPageTimes[fetchPageTimes.length - 1], sqliteDirectMs: directFetch.ms });

  // Counting at this size: $count stops at 5,000 as Dataverse's does; a FetchXML aggregate over a
  // whole city (200,000 rows at the default size, which Dataverse would refuse beyond 50,000) and a small one.
  started = performance.now();
  const countText = await (await fetch(`${url}contacts/$count`)).text();
  const countMs = ms(started);
  started = performance.now();
  const counted = await get(`${url}contacts?$select=contactid&$top=1&$count=true&$filter=${encodeURIComponent("address1_city eq 'Lyon'")}`);
  const countTrueMs = ms(started);
  const aggregate = (condition) => `<fetch aggregate="true"><entity name="contact"><attribute name="contactid" alias="n" aggregate="count" /><filter>${condition}</filter></entity></fetch>`;
  started = performance.now();
  const bigAggregate = await fetch(`${url}contacts?fetchXml=${encodeURIComponent(aggregate('<condition attribute="address1_city" operator="eq" value="Lyon" />'))}`);
  const bigAggregateBody = await bigAggregate.json();
  const bigAggregateMs = ms(started);
  started = performance.now();
  const smallAggregate = await get(`${url}contacts?fetchXml=${encodeURIComponent(aggregate('<condition attribute="address1_city" operator="eq" value="Lyon" /><condition attribute="firstname" operator="eq" value="First1" />'))}`);
  const smallAggregateMs = ms(started);
  await report({
    bench: 'emulator.count',
    collectionCount: Number(countText),
    collectionCountMs: countMs,
    odataCount: counted['@odata.count'],
    totalRecordCount: counted['@Microsoft.Dynamics.CRM.totalrecordcount'],
    limitExceeded: counted['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'],
    odataCountMs: countTrueMs,
    aggregateCity: bigAggregate.ok ? bigAggregateBody.value[0].n : bigAggregateBody.error.code,
    aggregateCityMs: bigAggregateMs,
    aggregateSmall: smallAggregate.value[0].n,
    aggregateSmallMs: smallAggregateMs,
  });

  // Writes into the loaded table: CreateMultiple of 1,000 contacts, ten times.
  const createTimes = [];
  for (let call = 0; call < 10; call++) {
    const Targets = Array.from({ length: 1000 }, (_, i) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', firstname: 'Bulk', lastname: `Contact ${call}-${i}`, mobilephone: `+3370${String(call * 1000 + i).padStart(7, '0')}`, 'parentcustomerid_account@odata.bind': `/accounts(${accountId(i)})` }));
    started = performance.now();
    const result = await api.callAction({ collection: 'contacts', actionName: 'Microsoft.Dynamics.CRM.CreateMultiple', action: { Targets } });
    createTimes.push(ms(started));
    if (result.Ids.length !== 1000) throw new Error(`CreateMultiple answered ${result.Ids.length} ids`);
  }
  await report({ bench: 'emulator.createMultiple', rowsPerCall: 1000, calls: createTimes.length, msPerCall: median(createTimes), maxMsPerCall: Math.max(...createTimes), rowsPerSecond: Math.round(1000 / (median(createTimes) / 1000)), sqliteLoadRowsPerSecond: Math.round(total / (loaded.ms / 1000)) });

  // A campaign's activities: $batch change sets of 1,000 e-mails regarding a contact, with a To party.
  const batchTimes = [];
  const contactIds = db.prepare('SELECT contactid FROM contact ORDER BY contactid LIMIT 5000').pluck().all();
  for (let batch = 0; batch < 5; batch++) {
    api.startBatch();
    for (let i = 0; i < 1000; i++) {
      const contact = `/contacts(${contactIds[batch * 1000 + i]})`;
      api.create({ collection: 'emails', data: { subject: `Campaign message ${batch}-${i}`, description: 'Bonjour, votre commande est prête. STOP au 36111', 'regardingobjectid_contact_email@odata.bind': contact, email_activity_parties: [{ 'partyid_contact@odata.bind': contact, participationtypemask: 2 }] } });
    }
    started = performance.now();
    const ids = await api.executeBatch();
    batchTimes.push(ms(started));
    if (ids.length !== 1000 || typeof ids[0] !== 'string') throw new Error(`$batch answered ${JSON.stringify(ids).slice(0, 200)}`);
  }
  await report({ bench: 'emulator.batchActivities', rowsPerBatch: 1000, batches: batchTimes.length, msPerBatch: median(batchTimes), maxMsPerBatch: Math.max(...batchTimes), rowsPerSecond: Math.round(1000 / (median(batchTimes) / 1000)) });
  db.close();
} finally {
  server.send({ stop: true });
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
