import { start } from './support/harness';
import type { RunningEmulator } from '../src/index';
import type { DynamicsWebApi } from 'dynamics-web-api';

let emulator: RunningEmulator;
let api: DynamicsWebApi;

beforeAll(async () => {
  ({ emulator, api } = await start());
});
afterAll(() => emulator.stop());

const get = async (path: string, prefer = 'odata.include-annotations="*"') => {
  const response = await fetch(`${emulator.url}${path}`, { headers: { Accept: 'application/json', Prefer: prefer } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { value: Array<Record<string, unknown>> } };
};

async function createContacts(lastname: string, count: number, extra: (i: number) => Record<string, unknown> = () => ({})): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < count; from += 1000) {
    const Targets = Array.from({ length: Math.min(1000, count - from) }, (_, i) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', firstname: `N${String(from + i).padStart(5, '0')}`, lastname, ...extra(from + i) }));
    ids.push(...(await api.callAction<{ Ids: string[] }>({ collection: 'contacts', actionName: 'Microsoft.Dynamics.CRM.CreateMultiple', action: { Targets } })).Ids);
  }
  return ids;
}

/** Every page of a query, following @odata.nextLink with a small page size. */
async function allPages(path: string, pageSize: number): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  let link: string | undefined = `${emulator.url}${path}`;
  for (let pages = 0; link && pages < 100; pages++) {
    const { body } = await get(link.slice(emulator.url.length), `odata.maxpagesize=${pageSize}`);
    rows.push(...body.value);
    link = body['@odata.nextLink'] as string | undefined;
  }
  return rows;
}

describe('counting as Dataverse counts', () => {
  test('$count stops at 5,000 and says when more rows match', async () => {
    await createContacts('Counted', 5001);
    const exactly = await get(`contacts?$select=contactid&$top=1&$count=true&$filter=${encodeURIComponent("lastname eq 'Counted' and firstname ne 'N05000'")}`);
    expect(exactly.body).toMatchObject({ '@odata.count': 5000, '@Microsoft.Dynamics.CRM.totalrecordcount': 5000, '@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded': false });
    const more = await get(`contacts?$select=contactid&$top=1&$count=true&$filter=${encodeURIComponent("lastname eq 'Counted'")}`);
    expect(more.body).toMatchObject({ '@odata.count': 5000, '@Microsoft.Dynamics.CRM.totalrecordcount': 5000, '@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded': true });
    const fetched = await get(`contacts?fetchXml=${encodeURIComponent('<fetch returntotalrecordcount="true" count="10"><entity name="contact"><attribute name="fullname" /><filter><condition attribute="lastname" operator="eq" value="Counted" /></filter></entity></fetch>')}`);
    expect(fetched.body).toMatchObject({ '@Microsoft.Dynamics.CRM.totalrecordcount': 5000, '@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded': true });
    expect(fetched.body.value).toHaveLength(10);
  });
});

describe('keyset paging', () => {
  const titles = [null, 'b', 'a', null, 'b', 'c', null, 'a', 'B'];
  let ids: string[];

  beforeAll(async () => {
    ids = await createContacts('Keyset', titles.length, (i) => (titles[i] === null ? {} : { jobtitle: titles[i] }));
  });

  /** Expected order: by title (case-insensitive, NULL lowest), then by id, both in the same direction. */
  const expected = (desc: boolean) =>
    ids
      .map((id, i) => ({ id, title: titles[i]?.toLowerCase() ?? null }))
      .sort((x, y) => ((x.title === y.title ? 0 : x.title === null ? -1 : y.title === null ? 1 : x.title < y.title ? -1 : 1) || (x.id < y.id ? -1 : 1)) * (desc ? -1 : 1))
      .map((r) => r.id);

  test.each([
    { order: 'ascending', desc: false, pageSize: 2 },
    { order: 'ascending', desc: false, pageSize: 4 },
    { order: 'descending', desc: true, pageSize: 2 },
    { order: 'descending', desc: true, pageSize: 4 },
  ])('pages $order on a column with NULLs return every row once, NULL lowest (pages of $pageSize)', async ({ desc, pageSize }) => {
    const rows = await allPages(`contacts?$select=jobtitle&$filter=${encodeURIComponent("lastname eq 'Keyset'")}&$orderby=jobtitle${desc ? ' desc' : ''}`, pageSize);
    expect(rows.map((r) => r.contactid)).toEqual(expected(desc));
  });

  test('pages on two columns in opposite directions keep the order across page boundaries', async () => {
    const rows = await allPages(`contacts?$select=jobtitle,firstname&$filter=${encodeURIComponent("lastname eq 'Keyset'")}&$orderby=jobtitle,firstname desc`, 2);
    const byTitleThenNameDesc = ids
      .map((id, i) => ({ id, title: titles[i]?.toLowerCase() ?? null, name: `N${String(i).padStart(5, '0')}` }))
      .sort((x, y) => (x.title === y.title ? (x.name < y.name ? 1 : -1) : x.title === null ? -1 : y.title === null ? 1 : x.title < y.title ? -1 : 1))
      .map((r) => r.id);
    expect(rows.map((r) => r.contactid)).toEqual(byTitleThenNameDesc);
  });

  test('FetchXML paging cookies page the same way', async () => {
    const fetchXml = '<fetch count="2"><entity name="contact"><attribute name="jobtitle" /><order attribute="jobtitle" descending="true" /><filter><condition attribute="lastname" operator="eq" value="Keyset" /></filter></entity></fetch>';
    const seen: string[] = [];
    let paging: { pageNumber?: number; pagingCookie?: string } = {};
    for (let pages = 0; pages < 20; pages++) {
      const result = await api.fetch<{ contactid: string }>({ collection: 'contacts', fetchXml, includeAnnotations: 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie', ...paging });
      seen.push(...result.value.map((r) => r.contactid));
      if (!result.PagingInfo) break;
      paging = { pageNumber: result.PagingInfo.nextPage, pagingCookie: result.PagingInfo.cookie };
    }
    expect(seen).toEqual(expected(true));
  });

  test('rows without $orderby come back in the order they were created, as sequential ids make them', async () => {
    const rows = await allPages(`contacts?$select=contactid&$filter=${encodeURIComponent("lastname eq 'Keyset'")}`, 4);
    expect(rows.map((r) => r.contactid)).toEqual(ids);
  });

  test('rows created in the same second come newest first under $orderby=createdon desc', async () => {
    const rows = await allPages(`contacts?$select=createdon&$filter=${encodeURIComponent("lastname eq 'Keyset'")}&$orderby=createdon desc`, 4);
    const newestFirst = ids.map((id, i) => ({ id, createdon: rows.find((r) => r.contactid === id)!.createdon as string, i })).sort((x, y) => (x.createdon === y.createdon ? y.i - x.i : x.createdon < y.createdon ? 1 : -1));
    expect(rows.map((r) => r.contactid)).toEqual(newestFirst.map((r) => r.id));
  });
});

describe('JSON on the wire', () => {
  test('text with quotes, backslashes, controls and emoji comes back as it was stored', async () => {
    const names = ['Quote " and \\ backslash', 'Line\nbreak\ttab\u0001', 'Émile 😀 \u2028'];
    const ids = await createContacts('Escaped', names.length, (i) => ({ firstname: names[i] }));
    const { body } = await get(`contacts?$select=firstname&$filter=${encodeURIComponent("lastname eq 'Escaped'")}`);
    expect(body.value.map((r) => [r.contactid, r.firstname])).toEqual(ids.map((id, i) => [id, names[i]]));
  });
});

describe('marketing list members', () => {
  test('membercount follows members added by the thousand and removed one by one', async () => {
    const ids = await createContacts('Member', 3000);
    const listId = (await api.create({ collection: 'lists', data: { listname: 'Thousands', type: false, createdfromcode: 2 } })) as string;
    const add = (members: string[]) => api.callAction({ actionName: 'AddListMembersList', action: { List: { '@odata.type': 'Microsoft.Dynamics.CRM.list', listid: listId }, Members: members.map((contactid) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid })) } });
    await add(ids);
    await add(ids.slice(0, 10)); // already members: nothing changes
    await api.disassociate({ collection: 'lists', primaryKey: listId, relationshipName: 'listcontact_association', relatedKey: ids[0]! });
    const member = await get(`listmembers?$select=listmemberid&$filter=${encodeURIComponent(`_listid_value eq ${listId} and _entityid_value eq ${ids[1]}`)}`);
    await api.deleteRecord({ collection: 'listmembers', key: member.body.value[0]!.listmemberid as string });
    const list = await api.retrieve<{ membercount: number }>({ collection: 'lists', key: listId, select: ['membercount'] });
    expect(list.membercount).toBe(2998);
    const members = await allPages(`lists(${listId})/listcontact_association?$select=contactid`, 5000);
    expect(members).toHaveLength(2998);
  });
});
