import { recipientQuery } from '../src/campaigns/recipient-query';
import type { TableMetadata } from '../src/dataverse/metadata';

const contact: TableMetadata = {
  entitySetName: 'contacts',
  primaryIdAttribute: 'contactid',
  primaryNameAttribute: 'fullname',
  attributes: new Map([['firstname', 'string'], ['parentcustomerid', 'customer'], ['contactid', 'uniqueidentifier']]),
  lookupTargets: new Map([['parentcustomerid', ['account', 'contact']]]),
};
const account: TableMetadata = { entitySetName: 'accounts', primaryIdAttribute: 'accountid', primaryNameAttribute: 'name', attributes: new Map([['name', 'string']]), lookupTargets: new Map() };
const related = (t: string) => (t === 'account' ? account : t === 'contact' ? contact : undefined);
const columns = { attributes: ['firstname', 'nickname'], lookups: { parentcustomerid: ['name'] } };

describe('recipientQuery', () => {
  test('a static list: members through listmember, active only, our columns, paging', () => {
    // The cookie comes from dynamics-web-api already escaped for the attribute.
    const { fetchXml, lookupAliases } = recipientQuery({ id: 'L1', name: 'VIP', table: 'contact', dynamic: false, query: null }, contact, columns, related, 2, '&lt;cookie page=&quot;1&quot; /&gt;');
    expect(fetchXml).toContain('<fetch count="5000" page="2" paging-cookie="&lt;cookie page=&quot;1&quot; /&gt;">');
    expect(fetchXml).toContain('<link-entity name="listmember" from="entityid" to="contactid" intersect="true"><filter><condition attribute="listid" operator="eq" value="L1"/></filter></link-entity>');
    expect(fetchXml).toContain('<condition attribute="statecode" operator="eq" value="0"/>');
    expect(fetchXml).toContain('<attribute name="mobilephone"/>');
    // Unknown columns are not asked for (Dataverse would refuse the query); rendering reports them.
    expect(fetchXml).not.toContain('nickname');
    expect(lookupAliases).toEqual({ parentcustomerid: [{ alias: 'smsc_l0', table: 'account' }, { alias: 'smsc_l1', table: 'contact' }] });
    expect(fetchXml).toContain('<link-entity name="account" from="accountid" to="parentcustomerid" link-type="outer" alias="smsc_l0"><attribute name="accountid"/><attribute name="name"/></link-entity>');
  });

  test('a dynamic list keeps its filters and links, with our columns, order and paging', () => {
    const query = '<fetch version="1.0" top="50" mapping="logical"><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/><filter type="and"><condition attribute="address1_city" operator="eq" value="Paris"/></filter><link-entity name="account" from="accountid" to="parentcustomerid"><filter><condition attribute="name" operator="like" value="C%"/></filter></link-entity></entity></fetch>';
    const { fetchXml } = recipientQuery({ id: 'L2', name: 'Paris', table: 'contact', dynamic: true, query }, contact, { attributes: [], lookups: {} }, related, 3, '&lt;cookie page=&quot;2&quot;&gt;&lt;contactid last=&quot;{A}&quot; /&gt;&lt;/cookie&gt;');
    expect(fetchXml).toContain('paging-cookie="&lt;cookie page=&quot;2&quot;&gt;&lt;contactid last=&quot;{A}&quot; /&gt;&lt;/cookie&gt;"');
    expect(fetchXml).toContain('count="5000"');
    expect(fetchXml).toContain('page="3"');
    expect(fetchXml).not.toContain('top=');
    expect(fetchXml).toContain('<condition attribute="address1_city" operator="eq" value="Paris"');
    expect(fetchXml).toContain('<condition attribute="name" operator="like" value="C%"');
    expect(fetchXml).toContain('<order attribute="contactid"');
    expect(fetchXml).not.toContain('<order attribute="fullname"');
  });

  test('an account list reads the primary contact mobile', () => {
    const { fetchXml } = recipientQuery({ id: 'L3', name: 'Accounts', table: 'account', dynamic: false, query: null }, account, { attributes: [], lookups: {} }, related, 1, null);
    expect(fetchXml).toContain('<link-entity name="contact" from="contactid" to="primarycontactid" link-type="outer" alias="smsc_pc"><attribute name="mobilephone"/>');
  });

  test('a dynamic list whose query is broken or reads another table is refused, naming the list', () => {
    expect(() => recipientQuery({ id: 'L4', name: 'Broken', table: 'contact', dynamic: true, query: '<fetch><entity name="lead"/></fetch>' }, contact, { attributes: [], lookups: {} }, related, 1, null)).toThrow(/"Broken" reads lead, not contact/);
    expect(() => recipientQuery({ id: 'L5', name: 'Empty', table: 'contact', dynamic: true, query: '' }, contact, { attributes: [], lookups: {} }, related, 1, null)).toThrow(/"Empty" has no query/);
  });
});
