/**
 * `--seed demo`: a small, deterministic data set (fixed ids) to click through and to test against:
 * contacts, leads and accounts with French, Israeli, British and US mobile numbers written the
 * way people type them, a static and a dynamic marketing list, a campaign on the static list, an
 * order and a case. A published SMS template is added when the SMS Connector solution (which
 * defines smsc_smstemplate) has been imported; its option values are read from that solution.
 */
import { CallerContext } from '../engine';
import type { DataverseService } from '../service';
import { stableId } from '../util/ids';

type Body = Record<string, unknown>;

export interface SeedReport {
  created: number;
  skipped: string[];
}

export async function seedDemo(service: DataverseService, ctx: CallerContext): Promise<SeedReport> {
  const engine = service.engine;
  const report: SeedReport = { created: 0, skipped: [] };
  const id = (name: string) => stableId(`demo:${name}`);
  const create = async (table: string, name: string, body: Body) => {
    const t = engine.table(table);
    if (engine.store.get(t, id(name))) return;
    await service.records.create(ctx, t, body, id(name));
    report.created++;
  };
  const ref = (set: string, name: string) => `/${set}(${id(name)})`;

  await service.write(async () => {
    await create('account', 'account:dupont', { name: 'Boulangerie Dupont', telephone1: '+33 1 42 68 53 00', address1_city: 'Paris', address1_country: 'France', revenue: 250000 });
    await create('account', 'account:telaviv', { name: 'Tel Aviv Tech', telephone1: '+972 3-123-4567', address1_city: 'Tel Aviv', address1_country: 'Israel' });
    await create('account', 'account:camden', { name: 'Camden Books Ltd', telephone1: '+44 20 7946 0958', address1_city: 'London', address1_country: 'United Kingdom' });
    await create('account', 'account:acme', { name: 'Acme Corporation', telephone1: '+1 212 555 0100', address1_city: 'New York', address1_country: 'United States' });

    const contacts: Array<[string, string, string, string | null, string, string]> = [
      ['david', 'David', 'Smith', '06 49 81 90 06', 'Paris', 'account:dupont'],
      ['marie', 'Marie', 'Dubois', '+33 6 12 34 56 78', 'Paris', 'account:dupont'],
      ['jean', 'Jean', 'Martin', '0033 6 98 76 54 32', 'Lyon', 'account:dupont'],
      ['yael', 'Yael', 'Cohen', '+972 50-234-5678', 'Tel Aviv', 'account:telaviv'],
      ['oliver', 'Oliver', 'Brown', '+44 7400 123456', 'London', 'account:camden'],
      ['emily', 'Emily', 'Johnson', '+1 (415) 555-0132', 'San Francisco', 'account:acme'],
      ['paul', 'Paul', 'Durand', null, 'Paris', 'account:dupont'],
    ];
    for (const [key, first, last, mobile, city, account] of contacts) {
      await create('contact', `contact:${key}`, {
        firstname: first,
        lastname: last,
        mobilephone: mobile,
        emailaddress1: `${first}.${last}@example.com`.toLowerCase(),
        address1_city: city,
        'parentcustomerid_account@odata.bind': ref('accounts', account),
      });
    }
    await service.records.update(ctx, engine.table('account'), id('account:dupont'), { 'primarycontactid@odata.bind': ref('contacts', 'contact:david') }, { ifMatch: '*' });

    await create('lead', 'lead:sophie', { subject: 'Bakery franchise', firstname: 'Sophie', lastname: 'Laurent', companyname: 'Laurent SARL', mobilephone: '+33 7 81 23 45 67', address1_city: 'Bordeaux' });
    await create('lead', 'lead:noam', { subject: 'Office supplies', firstname: 'Noam', lastname: 'Levi', companyname: 'Levi Ltd', mobilephone: '+972 54-765-4321', address1_city: 'Haifa' });
    await create('lead', 'lead:harry', { subject: 'Book fair', firstname: 'Harry', lastname: 'Wilson', companyname: 'Wilson & Sons', mobilephone: '+44 7911 123456', address1_city: 'Manchester' });
    await create('lead', 'lead:ashley', { subject: 'Catering', firstname: 'Ashley', lastname: 'Davis', companyname: 'Davis Events', mobilephone: '(212) 555-0199', address1_city: 'New York' });

    await create('list', 'list:vip', { listname: 'VIP customers', type: false, createdfromcode: 2, purpose: 'Static list of loyal customers' });
    for (const key of ['david', 'marie', 'yael']) {
      const lm = engine.table('listmember');
      if (!engine.store.findBy(lm, { listid: id('list:vip'), entityid: id(`contact:${key}`) }, 1).length) await service.records.addListMember(ctx, id('list:vip'), id(`contact:${key}`));
    }
    await create('list', 'list:paris', {
      listname: 'Contacts in Paris',
      type: true,
      createdfromcode: 2,
      purpose: 'Dynamic list: every active contact whose city is Paris',
      query: '<fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false"><entity name="contact"><attribute name="fullname" /><attribute name="mobilephone" /><attribute name="contactid" /><order attribute="fullname" descending="false" /><filter type="and"><condition attribute="address1_city" operator="eq" value="Paris" /><condition attribute="statecode" operator="eq" value="0" /></filter></entity></fetch>',
    });

    await create('campaign', 'campaign:spring', { name: 'Spring sale SMS', codename: 'CMP-0001', typecode: 2, description: 'SMS campaign to the VIP customers', proposedstart: '2026-04-01' });
    const ci = engine.table('campaignitem');
    if (!engine.store.findBy(ci, { campaignid: id('campaign:spring'), entityid: id('list:vip') }, 1).length) {
      const r = engine.schema.model.manyToMany.find((m) => m.schemaName === 'campaignlist_association')!;
      await service.records.associate(ctx, r, id('campaign:spring'), { id: id('list:vip'), logicalName: 'list' });
    }

    await create('salesorder', 'order:1001', { name: 'Order SO-1001', ordernumber: 'SO-1001', totalamount: 149.9, 'customerid_contact@odata.bind': ref('contacts', 'contact:david') });
    await create('incident', 'case:1001', { title: 'Delivery delayed', ticketnumber: 'CAS-1001', 'customerid_contact@odata.bind': ref('contacts', 'contact:marie'), 'primarycontactid@odata.bind': ref('contacts', 'contact:marie'), prioritycode: 1 });

    const template = engine.schema.table('smsc_smstemplate');
    const published = template?.attributes.smsc_status?.options?.find((o) => o.label[1033] === 'Published');
    if (template && published) {
      const body: Body = { smsc_name: 'Order fulfilled', smsc_status: published.value };
      if (template.attributes.smsc_entity) body.smsc_entity = 'salesorder';
      if (template.attributes.smsc_text) body.smsc_text = 'Your order no. [regarding:ordernumber] of [regarding:totalamount] has been fulfilled. Thank you!';
      await create('smsc_smstemplate', 'template:orderfulfilled', body);
    } else {
      report.skipped.push('SMS template: import the SMS Connector solution (smsc_smstemplate with a Published status) and seed again.');
    }
  });
  return report;
}
