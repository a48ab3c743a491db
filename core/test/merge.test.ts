import { parseTemplate, renderTemplate, requiredColumns, type MergeData } from '@smsc/core';

describe('parseTemplate', () => {
  test('lists every kind of field of DESIGN.md, each once, in order', () => {
    const parsed = parseTemplate(
      'Bonjour [firstname|client] [lastname], [parentcustomerid.name] : commande [regarding:ordernumber] ' +
        'de [regarding:totalamount], client [regarding:customerid.name]. [lastname] [LastName]',
    );
    expect(parsed.fields.map((f) => [f.scope, f.lookup ?? null, f.attribute, f.fallback ?? null])).toEqual([
      ['recipient', null, 'firstname', 'client'],
      ['recipient', null, 'lastname', null],
      ['recipient', 'parentcustomerid', 'name', null],
      ['regarding', null, 'ordernumber', null],
      ['regarding', null, 'totalamount', null],
      ['regarding', 'customerid', 'name', null],
    ]);
    expect(parsed.occurrences).toHaveLength(8);
    expect(parsed.occurrences[0]).toMatchObject({ raw: '[firstname|client]', start: 8, end: 26 });
  });

  test('brackets that are not field names stay text', () => {
    expect(parseTemplate('Soldes [50% off] [ ] [a b] [] [1abc]').fields).toEqual([]);
  });

  test('a fallback may be empty or hold spaces and punctuation', () => {
    const [a, b] = parseTemplate('[firstname|] [lastname|cher client, chère cliente]').fields;
    expect(a?.fallback).toBe('');
    expect(b?.fallback).toBe('cher client, chère cliente');
  });

  test('requiredColumns groups what to read per row', () => {
    expect(requiredColumns(parseTemplate('[lastname] [parentcustomerid.name] [parentcustomerid.telephone1] [regarding:ordernumber]'))).toEqual({
      recipient: { attributes: ['lastname'], lookups: { parentcustomerid: ['name', 'telephone1'] } },
      regarding: { attributes: ['ordernumber'], lookups: {} },
    });
  });
});

describe('renderTemplate', () => {
  const data: MergeData = {
    recipient: {
      lastname: 'Smith',
      firstname: null,
      birthdate: { kind: 'date', value: '1980-03-09' },
      creditlimit: { kind: 'money', amount: 1234.5 },
      numberofchildren: 3,
      donotsms: false,
      preferredcontactmethodcode: { kind: 'choice', value: 1, label: 'Any' },
      parentcustomerid: { kind: 'lookup', id: 'a1', entity: 'account', name: 'Contoso', record: { name: 'Contoso', telephone1: '01 02 03 04 05' } },
      owninguser: null,
    },
    regarding: {
      ordernumber: 'ORD-01001',
      totalamount: { kind: 'money', amount: 99.9, currency: 'EUR' },
      datefulfilled: new Date('2026-11-22T18:30:00Z'),
    },
  };
  const fr = { locale: 'fr-FR', timeZone: 'Europe/Paris', currency: 'EUR' };

  test('the guide example', () => {
    expect(renderTemplate('Bonjour Mr [lastname], votre commande a bien été enregistrée.', data, fr)).toEqual({
      text: 'Bonjour Mr Smith, votre commande a bien été enregistrée.',
      missing: [],
      empty: [],
    });
  });

  test('the order process default text', () => {
    expect(renderTemplate('Your order no. [regarding:ordernumber] of [regarding:totalamount] has been fulfilled', data, { locale: 'en-GB' }).text).toBe(
      'Your order no. ORD-01001 of €99.90 has been fulfilled',
    );
  });

  test.each([
    ['[creditlimit]', 'fr-FR', '1 234,50 €'],
    ['[creditlimit]', 'en-US', '€1,234.50'],
    ['[numberofchildren]', 'fr-FR', '3'],
    ['[birthdate]', 'fr-FR', '09/03/1980'],
    ['[birthdate]', 'en-US', '03/09/1980'],
    ['[regarding:datefulfilled]', 'fr-FR', '22/11/2026 19:30'],
    ['[donotsms]', 'fr-FR', 'Non'],
    ['[donotsms]', 'en-US', 'No'],
    ['[preferredcontactmethodcode]', 'en-US', 'Any'],
    ['[parentcustomerid]', 'fr-FR', 'Contoso'],
    ['[parentcustomerid.telephone1]', 'fr-FR', '01 02 03 04 05'],
  ])('%s in %s → %p', (template, locale, expected) => {
    expect(renderTemplate(template, data, { locale, timeZone: 'Europe/Paris', currency: 'EUR' }).text).toBe(expected);
  });

  test('formatted numbers use plain spaces so the SMS stays GSM-7', () => {
    const text = renderTemplate('[creditlimit]', data, fr).text;
    expect(text).not.toMatch(/[\u00a0\u202f]/);
  });

  test('unknown fields are reported and kept visible, never emptied', () => {
    const result = renderTemplate('Hi [nickname], [regarding:foo] [parentcustomerid.unknowncol] [owninguser.fullname]', data, fr);
    expect(result.missing).toEqual(['nickname', 'regarding:foo', 'parentcustomerid.unknowncol']);
    expect(result.text).toBe('Hi [nickname], [regarding:foo] [parentcustomerid.unknowncol] ');
    expect(result.empty).toEqual(['owninguser.fullname']);
  });

  test('regarding fields are missing when there is no regarding row', () => {
    expect(renderTemplate('[regarding:ordernumber]', { recipient: {} }).missing).toEqual(['regarding:ordernumber']);
  });

  test('fallbacks replace empty values only', () => {
    expect(renderTemplate('Bonjour [firstname|cher client] [lastname|X]', data, fr).text).toBe('Bonjour cher client Smith');
    expect(renderTemplate('[firstname]!', data, fr)).toEqual({ text: '!', missing: [], empty: ['firstname'] });
  });

  test('field names are case-insensitive, as users type them', () => {
    expect(renderTemplate('[LastName]', data, fr).text).toBe('Smith');
  });
});
