import { mergeRecordFromWebApi, renderTemplate } from '@smsc/core';

const F = '@OData.Community.Display.V1.FormattedValue';
const L = '@Microsoft.Dynamics.CRM.lookuplogicalname';

describe('mergeRecordFromWebApi', () => {
  const order = {
    '@odata.etag': 'W/"123"',
    salesorderid: '0c1d…',
    ordernumber: 'ORD-01001',
    totalamount: 1500,
    [`totalamount${F}`]: '1 500,00 €',
    statuscode: 100001,
    [`statuscode${F}`]: 'Exécutée',
    datefulfilled: '2026-11-22T09:15:00Z',
    requestdeliveryby: '2026-12-01',
    _customerid_value: 'c0ffee00-0000-0000-0000-000000000001',
    [`_customerid_value${F}`]: 'David Smith',
    [`_customerid_value${L}`]: 'contact',
    _ownerid_value: null,
    primarycontact: { fullname: 'expanded rows are ignored' },
  };

  test('types columns from metadata', () => {
    const record = mergeRecordFromWebApi(order, {
      attributeTypes: { totalamount: 'money', statuscode: 'status', datefulfilled: 'datetime', requestdeliveryby: 'dateonly' },
      currency: 'EUR',
    });
    expect(record.totalamount).toEqual({ kind: 'money', amount: 1500, currency: 'EUR' });
    expect(record.statuscode).toEqual({ kind: 'choice', value: 100001, label: 'Exécutée' });
    expect(record.datefulfilled).toEqual(new Date('2026-11-22T09:15:00Z'));
    expect(record.requestdeliveryby).toEqual({ kind: 'date', value: '2026-12-01' });
    expect(record.customerid).toEqual({ kind: 'lookup', id: 'c0ffee00-0000-0000-0000-000000000001', entity: 'contact', name: 'David Smith' });
    expect(record.ownerid).toBeNull();
    expect(record).not.toHaveProperty('primarycontact');
    expect(record).not.toHaveProperty('@odata.etag');
  });

  test('without metadata, uses Dataverse formatting for non-text values', () => {
    const record = mergeRecordFromWebApi(order);
    expect(record.totalamount).toBe('1 500,00 €');
    expect(record.statuscode).toBe('Exécutée');
    expect(record.datefulfilled).toEqual(new Date('2026-11-22T09:15:00Z'));
  });

  test('related rows make [lookup.attribute] work', () => {
    const record = mergeRecordFromWebApi(order, { related: { customerid: { firstname: 'David' } } });
    expect(renderTemplate('[regarding:customerid.firstname], [regarding:customerid]', { recipient: {}, regarding: record }).text).toBe('David, David Smith');
  });

  test('multi-select choices become their labels', () => {
    const record = mergeRecordFromWebApi({ tags: '1,3', [`tags${F}`]: 'Red; Blue' }, { attributeTypes: { tags: 'multiselectpicklist' } });
    expect(renderTemplate('[tags]', { recipient: record }).text).toBe('Red, Blue');
  });
});

describe('rows from clients that parse dates', () => {
  test('Date values are kept; date-only columns stay calendar days', () => {
    const record = mergeRecordFromWebApi({ createdon: new Date('2026-11-22T09:15:00Z'), birthdate: new Date('1980-03-09T00:00:00Z') }, { attributeTypes: { createdon: 'datetime', birthdate: 'dateonly' } });
    expect(record.createdon).toEqual(new Date('2026-11-22T09:15:00Z'));
    expect(record.birthdate).toEqual({ kind: 'date', value: '1980-03-09' });
  });
});
