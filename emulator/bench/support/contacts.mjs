// Fills an emulator's store with generated contacts straight through SQLite (1,000,000 rows through
// the Web API would take minutes; the benchmark times the write path on 1,000 rows). The rows look
// like what a campaign reads: names, French mobiles, a city, an owner, an account for half of them,
// a gender, an opt-out flag and dates, so that formatted values and lookup names have work to do.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** Contacts get the ids the emulator gives rows created through the Web API. */
const { newId } = require('../../dist/util/ids.js');

export const CITIES = ['Paris', 'Lyon', 'Tel Aviv', 'London', 'New York'];
const ACCOUNTS = 1000;

/** Account ids, fixed so that the benchmark can bind to them. */
export const accountId = (i) => `00000000-0000-4000-8000-${String(i % ACCOUNTS).padStart(12, '0')}`;

export function loadContacts(engine, total, onBatch = () => {}) {
  const db = engine.store.db;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const user = engine.defaultUserId;
  const account = db.prepare('INSERT INTO "account" ("accountid","name","statecode","statuscode","versionnumber","createdon","modifiedon","ownerid","ownerid__t") VALUES (?,?,0,1,?,?,?,?,?)');
  db.transaction(() => {
    for (let i = 0; i < ACCOUNTS; i++) account.run(accountId(i), `Account ${i}`, i, now, now, user, 'systemuser');
  })();
  const insert = db.prepare(
    'INSERT INTO "contact" ("contactid","firstname","lastname","fullname","mobilephone","address1_city","gendercode","donotbulkemail","birthdate","parentcustomerid","parentcustomerid__t","statecode","statuscode","versionnumber","createdon","modifiedon","ownerid","ownerid__t","owninguser","owninguser__t") VALUES (?,?,?,?,?,?,?,?,?,?,?,0,1,?,?,?,?,?,?,?)',
  );
  const load = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const first = `First${i % 5000}`;
      const last = `Last${i}`;
      const parent = i % 2 === 0 ? accountId(i) : null;
      insert.run(newId(), first, last, `${first} ${last}`, `+3361${String(i).padStart(7, '0')}`, CITIES[i % CITIES.length], 1 + (i % 2), i % 7 === 0 ? 1 : 0, `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, parent, parent && 'account', 2000000 + i, now, now, user, 'systemuser', user, 'systemuser');
    }
  });
  for (let i = 0; i < total; i += 50000) {
    load(i, Math.min(total, i + 50000));
    onBatch();
  }
}
