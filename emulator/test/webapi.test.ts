import { start } from './support/harness';
import type { RunningEmulator } from '../src/index';
import type { DynamicsWebApi } from 'dynamics-web-api';

let emulator: RunningEmulator;
let api: DynamicsWebApi;

beforeAll(async () => {
  ({ emulator, api } = await start({ seed: 'demo' }));
});
afterAll(() => emulator.stop());

const raw = (path: string, init: RequestInit = {}) => fetch(`${emulator.url}${path}`, { ...init, headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

describe('records through dynamics-web-api', () => {
  test('create answers 204 with OData-EntityId, or 201 with the row when asked', async () => {
    const response = await raw('contacts', { method: 'POST', body: JSON.stringify({ firstname: 'Ada', lastname: 'Lovelace' }) });
    expect(response.status).toBe(204);
    expect(response.headers.get('odata-entityid')).toMatch(/contacts\([0-9a-f-]{36}\)$/);
    const created = await api.create<{ contactid: string; fullname: string }>({ collection: 'contacts', data: { firstname: 'Grace', lastname: 'Hopper' }, returnRepresentation: true, select: ['fullname'] });
    expect(created.fullname).toBe('Grace Hopper');
  });

  test('lookups bind with @odata.bind and come back as _x_value with annotations and formatted values', async () => {
    const accountId = (await api.create({ collection: 'accounts', data: { name: 'Formatted Ltd', revenue: 1234.5 } })) as string;
    const id = (await api.create({ collection: 'contacts', data: { firstname: 'Lin', lastname: 'Chen', gendercode: 2, birthdate: '1990-03-04', 'parentcustomerid_account@odata.bind': `/accounts(${accountId})` } })) as string;
    const row = await api.retrieve<Record<string, unknown>>({ collection: 'contacts', key: id, select: ['fullname', 'gendercode', 'birthdate', '_parentcustomerid_value', 'createdon'], includeAnnotations: '*' });
    expect(row._parentcustomerid_value).toBe(accountId);
    expect(row['_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('account');
    expect(row['_parentcustomerid_value@OData.Community.Display.V1.FormattedValue']).toBe('Formatted Ltd');
    expect(row['gendercode@OData.Community.Display.V1.FormattedValue']).toBe('Female');
    expect(row['birthdate@OData.Community.Display.V1.FormattedValue']).toBe('3/4/1990');
    const account = await api.retrieve<Record<string, unknown>>({ collection: 'accounts', key: accountId, select: ['revenue'], includeAnnotations: 'OData.Community.Display.V1.FormattedValue' });
    expect(account['revenue@OData.Community.Display.V1.FormattedValue']).toBe('€1,234.50');
  });

  test('If-Match with a stale etag answers 412 and the row is untouched', async () => {
    const id = (await api.create({ collection: 'contacts', data: { firstname: 'Etag', lastname: 'Test' } })) as string;
    const first = await api.retrieve<{ '@odata.etag': string }>({ collection: 'contacts', key: id, select: ['fullname'] });
    await api.update({ collection: 'contacts', key: id, data: { jobtitle: 'First' }, ifmatch: first['@odata.etag'] });
    const response = await raw(`contacts(${id})`, { method: 'PATCH', headers: { 'If-Match': first['@odata.etag'] }, body: JSON.stringify({ jobtitle: 'Second' }) });
    expect(response.status).toBe(412);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('0x80060882');
    expect((await api.retrieve<{ jobtitle: string }>({ collection: 'contacts', key: id, select: ['jobtitle'] })).jobtitle).toBe('First');
  });

  test('upsert creates then updates; If-None-Match: * refuses to update; If-Match: * refuses to create', async () => {
    const id = '11111111-2222-4333-8444-555555555555';
    await api.upsert({ collection: 'contacts', key: id, data: { firstname: 'Up', lastname: 'Sert' } });
    await api.upsert({ collection: 'contacts', key: id, data: { lastname: 'Serted' } });
    expect((await api.retrieve<{ fullname: string }>({ collection: 'contacts', key: id, select: ['fullname'] })).fullname).toBe('Up Serted');
    expect((await raw(`contacts(${id})`, { method: 'PATCH', headers: { 'If-None-Match': '*' }, body: '{}' })).status).toBe(412);
    expect((await raw('contacts(99999999-2222-4333-8444-555555555555)', { method: 'PATCH', headers: { 'If-Match': '*' }, body: '{}' })).status).toBe(404);
  });

  test('$filter: comparisons, contains, null, lookups by _value and Microsoft.Dynamics.CRM.In', async () => {
    const smith = await api.retrieveMultiple<{ fullname: string }>({ collection: 'contacts', select: ['fullname'], filter: "contains(fullname,'SMITH') and mobilephone ne null" });
    expect(smith.value.map((c) => c.fullname)).toEqual(['David Smith']);
    const account = await api.retrieveMultiple<{ accountid: string }>({ collection: 'accounts', select: ['accountid'], filter: "name eq 'Boulangerie Dupont'" });
    const staff = await api.retrieveMultiple<{ fullname: string }>({ collection: 'contacts', select: ['fullname'], filter: `_parentcustomerid_value eq ${account.value[0]!.accountid} and not startswith(lastname,'Du')`, orderBy: ['fullname desc'] });
    expect(staff.value.map((c) => c.fullname)).toEqual(['Jean Martin', 'David Smith']);
    const inCities = await api.retrieveMultiple<{ fullname: string }>({ collection: 'leads', select: ['fullname'], filter: "Microsoft.Dynamics.CRM.In(PropertyName='address1_city',PropertyValues=['Haifa','Bordeaux'])", orderBy: ['fullname'] });
    expect(inCities.value.map((l) => l.fullname)).toEqual(['Noam Levi', 'Sophie Laurent']);
    const noMobile = await api.retrieveMultiple<{ fullname: string }>({ collection: 'contacts', select: ['fullname'], filter: "mobilephone eq null and address1_city eq 'Paris'" });
    expect(noMobile.value.map((c) => c.fullname)).toEqual(['Paul Durand']);
  });

  test('$top, $count and $expand (single-valued and collection with nested $select)', async () => {
    const counted = await api.retrieveMultiple({ collection: 'leads', select: ['fullname'], count: true, top: 2 });
    expect(counted.value).toHaveLength(2);
    expect(counted.oDataCount).toBe(4);
    const withAccount = await api.retrieveMultiple<{ fullname: string; parentcustomerid_account: { name: string } }>({ collection: 'contacts', select: ['fullname'], filter: "lastname eq 'Cohen'", expand: [{ property: 'parentcustomerid_account', select: ['name'] }] });
    expect(withAccount.value[0]!.parentcustomerid_account.name).toBe('Tel Aviv Tech');
    const lists = await api.retrieveMultiple<{ listname: string; listcontact_association: Array<{ fullname: string }> }>({ collection: 'lists', select: ['listname'], filter: 'type eq false', expand: [{ property: 'listcontact_association', select: ['fullname'], orderBy: ['fullname'] }] });
    expect(lists.value[0]!.listcontact_association.map((c) => c.fullname)).toEqual(['David Smith', 'Marie Dubois', 'Yael Cohen']);
  });

  test('refuses $skip, unknown sets, unknown properties and bad syntax with Dataverse errors', async () => {
    const skip = await raw('contacts?$skip=10');
    expect(skip.status).toBe(400);
    expect(((await skip.json()) as { error: { message: string } }).error.message).toMatch(/\$skip is not supported/);
    const unknown = await raw('contactz');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("Resource not found for the segment 'contactz'.");
    await expect(api.retrieveMultiple({ collection: 'contacts', select: ['nosuchcolumn'] })).rejects.toMatchObject({ status: 400, code: '0x80060888', message: expect.stringContaining("'nosuchcolumn'") });
    await expect(api.retrieveMultiple({ collection: 'contacts', filter: 'firstname eq' })).rejects.toMatchObject({ status: 400 });
    await expect(api.retrieve({ collection: 'contacts', key: '00000000-0000-0000-0000-000000000042' })).rejects.toMatchObject({ status: 404, code: '0x80040217' });
  });

  test('pages through 12,000 rows with odata.maxpagesize and @odata.nextLink, without $skip', async () => {
    for (let batch = 0; batch < 12; batch++) {
      const Targets = Array.from({ length: 1000 }, (_, i) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.account', name: `Bulk ${String(batch * 1000 + i).padStart(5, '0')}`, accountnumber: 'BULK' }));
      const result = await api.callAction<{ Ids: string[] }>({ collection: 'accounts', actionName: 'Microsoft.Dynamics.CRM.CreateMultiple', action: { Targets } });
      expect(result.Ids).toHaveLength(1000);
    }
    const seen = new Set<string>();
    let link: string | undefined;
    let pages = 0;
    do {
      const page = await api.retrieveMultiple<{ name: string }>({ collection: 'accounts', select: ['name'], filter: "accountnumber eq 'BULK'", orderBy: ['name desc'], maxPageSize: 5000 }, link);
      expect(link ?? '').not.toMatch(/\$skip=/);
      for (const a of page.value) seen.add(a.name);
      link = page.oDataNextLink;
      pages++;
    } while (link && pages < 10);
    expect(pages).toBe(3);
    expect(seen.size).toBe(12000);
  });

  test('WhoAmI answers with and without parentheses', async () => {
    const who = await api.callFunction<{ UserId: string; OrganizationId: string; BusinessUnitId: string }>({ name: 'WhoAmI' });
    const plain = (await (await raw('WhoAmI')).json()) as { UserId: string };
    expect(plain.UserId).toBe(who.UserId);
    expect(who.OrganizationId).toBe(emulator.engine.organizationId);
  });

  test('metadata: attributes with labels for the merge-field picker and choice options', async () => {
    const attributes = await api.retrieveAttributes<{ LogicalName: string; AttributeType: string; DisplayName: { LocalizedLabels: Array<{ Label: string; LanguageCode: number }> } }>({ entityKey: "LogicalName='contact'", select: ['LogicalName', 'AttributeType', 'DisplayName'] });
    const mobile = attributes.value.find((a) => a.LogicalName === 'mobilephone')!;
    expect(mobile.AttributeType).toBe('String');
    expect(mobile.DisplayName.LocalizedLabels).toEqual(expect.arrayContaining([expect.objectContaining({ Label: 'Mobile Phone', LanguageCode: 1033 }), expect.objectContaining({ Label: 'Téléphone mobile', LanguageCode: 1036 })]));
    const picklists = (await (await raw("EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet")).json()) as { value: Array<{ LogicalName: string; OptionSet: { Options: Array<{ Value: number }> } }> };
    expect(picklists.value.find((a) => a.LogicalName === 'gendercode')!.OptionSet.Options.map((o) => o.Value)).toEqual([1, 2]);
  });
});
