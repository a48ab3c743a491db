import { start } from './support/harness';
import type { RunningEmulator } from '../src/index';
import type { DynamicsWebApi } from 'dynamics-web-api';
import { stableId } from '../src/index';

let emulator: RunningEmulator;
let api: DynamicsWebApi;

beforeAll(async () => {
  ({ emulator, api } = await start({ seed: 'demo' }));
});
afterAll(() => emulator.stop());

const count = async (filter: string) => (await api.retrieveMultiple({ collection: 'contacts', select: ['contactid'], filter })).value.length;

describe('$batch', () => {
  test('a change set is atomic: one failure rolls back the whole change set', async () => {
    api.startBatch();
    api.create({ collection: 'contacts', data: { firstname: 'Rolled', lastname: 'Back' } });
    api.create({ collection: 'contacts', data: { firstname: 'Rolled', lastname: 'Back', nosuchcolumn: 1 } });
    const outcome = await api.executeBatch().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    expect(Array.isArray(outcome)).toBe(true);
    expect((outcome as Array<{ status?: number }>)[0]).toMatchObject({ status: 400 });
    expect(await count("lastname eq 'Back'")).toBe(0);
  });

  test('Content-ID references, GETs outside change sets, and ids in request order', async () => {
    api.startBatch();
    api.create({ collection: 'accounts', data: { name: 'Batch Holdings' }, contentId: '1' });
    api.create({ collection: 'contacts', data: { firstname: 'Batch', lastname: 'Member', 'parentcustomerid_account@odata.bind': '$1' } });
    api.retrieveMultiple({ collection: 'contacts', select: ['fullname', '_parentcustomerid_value'], filter: "lastname eq 'Member'" });
    const [accountId, contactId, read] = (await api.executeBatch()) as [string, string, { value: Array<{ _parentcustomerid_value: string; contactid: string }> }];
    expect(read.value).toHaveLength(1);
    expect(read.value[0]!.contactid).toBe(contactId);
    expect(read.value[0]!._parentcustomerid_value).toBe(accountId);
  });

  test('continue-on-error runs every request and reports each failure in place', async () => {
    const boundary = 'batch_test';
    const part = (body: string) => `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nPOST /api/data/v9.2/contacts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n${body}\r\n`;
    const response = await fetch(`${emulator.url}$batch`, { method: 'POST', headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, Prefer: 'odata.continue-on-error' }, body: `${part('{"lastname":"' + 'x'.repeat(60) + '"}')}${part('{"lastname":"Continued"}')}--${boundary}--\r\n` });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/HTTP\/1\.1 400 Bad Request[\s\S]*0x80044331[\s\S]*HTTP\/1\.1 204 No Content/);
    expect(await count("lastname eq 'Continued'")).toBe(1);
  });
});

describe('FetchXML', () => {
  test('link-entity through listmember reads the members of a static list', async () => {
    const fetchXml = `<fetch><entity name="contact"><attribute name="fullname" /><attribute name="mobilephone" /><order attribute="fullname" /><link-entity name="listmember" from="entityid" to="contactid" intersect="true"><filter><condition attribute="listid" operator="eq" value="{${stableId('demo:list:vip').toUpperCase()}}" /></filter></link-entity><link-entity name="account" from="accountid" to="parentcustomerid" link-type="outer" alias="company"><attribute name="name" /></link-entity></entity></fetch>`;
    const result = await api.fetch<{ fullname: string; company_x002e_name: string }>({ collection: 'contacts', fetchXml });
    expect(result.value.map((c) => [c.fullname, c.company_x002e_name])).toEqual([
      ['David Smith', 'Boulangerie Dupont'],
      ['Marie Dubois', 'Boulangerie Dupont'],
      ['Yael Cohen', 'Tel Aviv Tech'],
    ]);
  });

  test("a dynamic list's stored query (list.query) runs as it is", async () => {
    const list = await api.retrieveMultiple<{ query: string }>({ collection: 'lists', select: ['query'], filter: 'type eq true' });
    const members = await api.fetch<{ fullname: string }>({ collection: 'contacts', fetchXml: list.value[0]!.query });
    expect(members.value.map((c) => c.fullname)).toEqual(['David Smith', 'Marie Dubois', 'Paul Durand']);
  });

  test('pages with count and the paging cookie, and counts with an aggregate', async () => {
    const all = await api.fetchAll<{ fullname: string }>({ collection: 'leads', fetchXml: '<fetch count="1"><entity name="lead"><attribute name="fullname" /><order attribute="fullname" /></entity></fetch>', includeAnnotations: 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie' });
    expect(all.value.map((l) => l.fullname)).toEqual(['Ashley Davis', 'Harry Wilson', 'Noam Levi', 'Sophie Laurent']);
    const aggregate = await api.fetch<{ total: number }>({ collection: 'contacts', fetchXml: '<fetch aggregate="true"><entity name="contact"><attribute name="contactid" alias="total" aggregate="count" /><filter><condition attribute="address1_city" operator="in"><value>Paris</value><value>Lyon</value></condition></filter></entity></fetch>' });
    expect(aggregate.value[0]!.total).toBe(4);
  });

  test('refuses an aggregate over more rows than its limit, as Dataverse does past 50,000', async () => {
    const countIn = (limit: number) => `<fetch aggregate="true" aggregatelimit="${limit}"><entity name="contact"><attribute name="contactid" alias="total" aggregate="count" /><filter><condition attribute="address1_city" operator="in"><value>Paris</value><value>Lyon</value></condition></filter></entity></fetch>`;
    expect((await api.fetch<{ total: number }>({ collection: 'contacts', fetchXml: countIn(4) })).value[0]!.total).toBe(4);
    await expect(api.fetch({ collection: 'contacts', fetchXml: countIn(3) })).rejects.toMatchObject({ status: 400, code: '0x8004e023', message: expect.stringContaining('AggregateQueryRecordLimit') });
  });

  test('names the attribute a condition gets wrong', async () => {
    await expect(api.fetch({ collection: 'contacts', fetchXml: '<fetch><entity name="contact"><filter><condition attribute="mobile" operator="eq" value="1" /></filter></entity></fetch>' })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Name = 'mobile'") });
  });
});

describe('marketing lists', () => {
  test('AddMemberList, AddListMembersList, associate and disassociate keep list members', async () => {
    const listId = (await api.create({ collection: 'lists', data: { listname: 'Test list', createdfromcode: 2, type: false } })) as string;
    const ids = (await api.retrieveMultiple<{ contactid: string }>({ collection: 'contacts', select: ['contactid'], filter: "address1_city eq 'Paris'" })).value.map((c) => c.contactid);
    const added = await api.callAction<{ Id: string }>({ collection: 'lists', key: listId, actionName: 'Microsoft.Dynamics.CRM.AddMemberList', action: { EntityId: ids[0] } });
    expect(added.Id).toMatch(/^[0-9a-f-]{36}$/);
    await api.callAction({ actionName: 'AddListMembersList', action: { List: { '@odata.type': 'Microsoft.Dynamics.CRM.list', listid: listId }, Members: [{ '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: ids[1] }] } });
    await api.associate({ collection: 'lists', primaryKey: listId, relationshipName: 'listcontact_association', relatedCollection: 'contacts', relatedKey: ids[2]! });
    await api.disassociate({ collection: 'lists', primaryKey: listId, relationshipName: 'listcontact_association', relatedKey: ids[0]! });
    const members = await api.retrieveMultiple<{ _entityid_value: string }>({ collection: 'listmembers', select: ['_entityid_value'], filter: `_listid_value eq ${listId}` });
    expect(members.value.map((m) => m._entityid_value).sort()).toEqual([ids[1], ids[2]].sort());
    expect((await api.retrieve<{ membercount: number }>({ collection: 'lists', key: listId, select: ['membercount'] })).membercount).toBe(2);
  });
});
