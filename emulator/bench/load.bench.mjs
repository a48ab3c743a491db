// Loads 1,000,000 contacts into the emulator's store (BENCH_CONTACTS to change it), then times a
// filtered 5,000-row page and a full paged scan through the Web API (HTTP, odata.maxpagesize and
// @odata.nextLink), against the same queries run directly in SQLite (the floor: no HTTP, no JSON).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../dist/index.js');
const total = Number(process.env.BENCH_CONTACTS ?? 1000000);
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 50);
const report = (line) => console.log(JSON.stringify({ ...line, peakRssMB: Math.round(peakRss / 1e6) }));

const dir = mkdtempSync(join(tmpdir(), 'emulator-bench-'));
const emulator = await startEmulator({ dataDir: dir });
try {
  const { engine } = emulator;
  const table = engine.table('contact');
  const cities = ['Paris', 'Lyon', 'Tel Aviv', 'London', 'New York'];
  let started = Date.now();
  const insert = engine.store.db.prepare('INSERT INTO "contact" ("contactid","firstname","lastname","fullname","mobilephone","address1_city","statecode","statuscode","versionnumber","createdon","modifiedon","ownerid","ownerid__t") VALUES (?,?,?,?,?,?,0,1,?,?,?,?,?)');
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const load = engine.store.db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      insert.run(id, `First${i % 5000}`, `Last${i}`, `First${i % 5000} Last${i}`, `+3361${String(i).padStart(7, '0')}`, cities[i % cities.length], i, now, now, engine.defaultUserId, 'systemuser');
    }
  });
  for (let i = 0; i < total; i += 50000) {
    load(i, Math.min(total, i + 50000));
    sample();
  }
  const loadMs = Date.now() - started;
  report({ bench: 'emulator.load', rows: total, ms: loadMs, rowsPerSecond: Math.round(total / (loadMs / 1000)) });
  void table;

  const headers = { Accept: 'application/json', Prefer: 'odata.maxpagesize=5000' };
  const filter = encodeURIComponent("address1_city eq 'Lyon' and startswith(firstname,'First1')");
  started = Date.now();
  const page = await (await fetch(`${emulator.url}contacts?$select=fullname,mobilephone&$filter=${filter}`, { headers })).json();
  const pageMs = Date.now() - started;
  started = Date.now();
  const direct = engine.store.db.prepare("SELECT contactid, fullname, mobilephone FROM contact WHERE address1_city = 'Lyon' COLLATE NOCASE AND firstname LIKE 'First1%' ORDER BY contactid LIMIT 5001").all();
  const directMs = Date.now() - started;
  report({ bench: 'emulator.filteredPage', rows: page.value.length, ms: pageMs, sqliteDirectMs: directMs, sqliteDirectRows: Math.min(direct.length, 5000), hasNextLink: !!page['@odata.nextLink'] });

  started = Date.now();
  let link = `${emulator.url}contacts?$select=fullname,mobilephone`;
  let rows = 0;
  let pages = 0;
  while (link && pages < total / 5000 + 2) {
    const body = await (await fetch(link, { headers })).json();
    rows += body.value.length;
    pages++;
    link = body['@odata.nextLink'];
    sample();
  }
  const scanMs = Date.now() - started;
  started = Date.now();
  let last = '';
  let directRows = 0;
  const pageStatement = engine.store.db.prepare('SELECT contactid, fullname, mobilephone FROM contact WHERE contactid > ? ORDER BY contactid LIMIT 5000');
  for (;;) {
    const chunk = pageStatement.all(last);
    if (!chunk.length) break;
    directRows += chunk.length;
    last = chunk[chunk.length - 1].contactid;
  }
  const directScanMs = Date.now() - started;
  report({ bench: 'emulator.fullPagedScan', rows, pages, ms: scanMs, rowsPerSecond: Math.round(rows / (scanMs / 1000)), sqliteDirectMs: directScanMs, sqliteDirectRows: directRows, overheadRatio: Number((scanMs / Math.max(1, directScanMs)).toFixed(1)) });
} finally {
  clearInterval(timer);
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
}
