import fc from 'fast-check';
import { jsonValue, JsonWriter } from '../src/query/json-writer';
import { formatterFor } from '../src/query/format';
import { col, opt } from '../src/metadata/build';

describe('JSON written row by row', () => {
  test('a value is written as JSON.stringify writes it, whatever its characters', () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('"quoted"', 'back\\slash', 'line\nbreak', '\u2028', '\ud800', 'é€😀'));
    fc.assert(fc.property(fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)), (value) => expect(jsonValue(value)).toBe(JSON.stringify(value))));
  });

  test('a writer grows as it goes and its bytes parse back to what was written', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ unit: 'grapheme' }), n: fc.integer(), flag: fc.boolean() }), { maxLength: 200 }), (rows) => {
        const writer = new JsonWriter(16);
        writer.raw('[');
        rows.forEach((row, i) => writer.raw(`${i ? ',' : ''}{${JsonWriter.key('name', true)}${jsonValue(row.name)}${JsonWriter.key('n')}${row.n}${JsonWriter.key('flag')}`).value(row.flag).raw('}'));
        writer.raw(']');
        expect(writer.toBuffer().toString('utf8')).toBe(JSON.stringify(rows));
      }),
    );
  });
});

describe('formatted values', () => {
  test('date and time as Dataverse shows them to an en-US user in UTC, stored form or not', () => {
    const format = formatterFor(col.date('createdon', 'Created On'));
    expect(format('2025-11-22T00:09:00Z', '')).toBe('11/22/2025 12:09 AM');
    expect(format('2025-01-05T13:45:59Z', '')).toBe('1/5/2025 1:45 PM');
    expect(format('2025-01-05T13:45:59.123+02:00', '')).toBe('1/5/2025 11:45 AM');
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const stored = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
        expect(format(stored, '')).toBe(format(date.toISOString(), ''));
      }),
    );
  });

  test('date only, choices from stored numbers, booleans stored as 0/1, money and whole numbers', () => {
    expect(formatterFor(col.dateOnly('birthdate', 'Birthday'))('1990-03-04', '')).toBe('3/4/1990');
    const gender = formatterFor(col.choice('gendercode', 'Gender', undefined, [opt(1, 'Male'), opt(2, 'Female')]));
    expect([gender(2, ''), gender(3, ''), gender(null, '')]).toEqual(['Female', undefined, undefined]);
    const optOut = formatterFor(col.bool('donotbulkemail', 'Do not allow Bulk Emails', undefined, 'Do Not Allow', 'Allow'));
    expect([optOut(1, ''), optOut(0, ''), optOut(true, '')]).toEqual(['Do Not Allow', 'Allow', 'Do Not Allow']);
    expect(formatterFor(col.money('revenue', 'Annual Revenue'))(-1234.5, '€')).toBe('-€1,234.50');
    expect(formatterFor(col.int('numberofemployees', 'Employees'))(1234567, '')).toBe('1,234,567');
  });
});
