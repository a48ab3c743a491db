import * as TemplateForm from '../src/template/template-form';
import { createMetadataPort, webApiFetch, loadMergeData } from '@smsc/browser-shared';
import { ACCOUNT_TABLE, CONTACT_TABLE, fakeData, fakeMetadata, fakePorts, mockForm, notice } from './fakes';

function templateForm(entity: string | null, text: string) {
  return mockForm({
    entityName: 'smsc_smstemplate',
    id: '{T1}',
    primaryValue: 'Order confirmation',
    strings: { smsc_entity: entity, smsc_text: text },
    labels: { smsc_entity: 'Applies to', smsc_text: 'Template text' },
  });
}

describe('template form', () => {
  const metadata = () => fakeMetadata([CONTACT_TABLE, ACCOUNT_TABLE]);

  test('merge fields the table lacks are listed, lookups checked one level down', async () => {
    const form = templateForm('contact', 'Hello [firstname] [nickname] of [parentcustomerid.name] [parentcustomerid.revenue] [regarding:ordernumber]');
    await TemplateForm.onTextChange(form, fakePorts({ metadata: metadata() }));
    expect(notice(form, TemplateForm.FIELDS_NOTICE)).toEqual({
      uniqueId: TemplateForm.FIELDS_NOTICE,
      level: 'WARNING',
      message: '"Template text" of SMS template "Order confirmation": table Contact has no column [nickname], [parentcustomerid.revenue].',
    });
    expect(notice(form, 'smsc_counter')?.message).toContain('Template text:');
  });

  test('a known template has no warning', async () => {
    const form = templateForm('contact', 'Hello [firstname|there], [parentcustomerid.name]');
    await TemplateForm.onLoad(form, fakePorts({ metadata: metadata() }));
    expect(notice(form, TemplateForm.FIELDS_NOTICE)).toBeUndefined();
    expect(notice(form, TemplateForm.TABLE_NOTICE)).toBeUndefined();
  });

  test('an unknown table is an error on the field, in French', async () => {
    const form = templateForm('Contacts ', 'Hello');
    await TemplateForm.onEntityChange(form, fakePorts({ metadata: metadata(), languageId: 1036 }));
    expect(form.getAttribute('smsc_entity')?.getValue()).toBe('contacts');
    expect(notice(form, TemplateForm.TABLE_NOTICE)?.message).toBe(
      '« Applies to » de Modèle de SMS « Order confirmation » : aucune table n\'a le nom logique « contacts » (écrivez le nom logique, par exemple contact, lead ou account).',
    );
  });
});

describe('metadata from EntityDefinitions', () => {
  const CONTACT_DEFINITION = {
    LogicalName: 'contact',
    DisplayName: { UserLocalizedLabel: { Label: 'Contact' } },
    PrimaryNameAttribute: 'fullname',
    Attributes: [
      { LogicalName: 'lastname', AttributeType: 'String', DisplayName: { UserLocalizedLabel: { Label: 'Nom' } }, IsValidForRead: true, AttributeOf: null },
      { LogicalName: 'new_loyalty', AttributeType: 'Picklist', DisplayName: { UserLocalizedLabel: { Label: 'Fidélité' } }, IsValidForRead: true, AttributeOf: null },
      { LogicalName: 'parentcustomerid', AttributeType: 'Customer', DisplayName: { UserLocalizedLabel: { Label: 'Entreprise' } }, IsValidForRead: true, AttributeOf: null },
      { LogicalName: 'parentcustomeridname', AttributeType: 'String', DisplayName: { UserLocalizedLabel: null }, IsValidForRead: true, AttributeOf: 'parentcustomerid' },
      { LogicalName: 'contactid', AttributeType: 'Uniqueidentifier', DisplayName: { UserLocalizedLabel: { Label: 'Contact' } }, IsValidForRead: true, AttributeOf: null },
      { LogicalName: 'secret', AttributeType: 'String', DisplayName: { UserLocalizedLabel: { Label: 'Secret' } }, IsValidForRead: false, AttributeOf: null },
      { LogicalName: 'address1_city', AttributeType: 'String', DisplayName: { UserLocalizedLabel: null }, IsValidForRead: true, AttributeOf: null },
    ],
  };

  test('lists readable columns with localized names, lookup targets, sorted for the user; caches per table', async () => {
    const paths: string[] = [];
    const port = createMetadataPort(async (path) => {
      paths.push(path);
      if (path.startsWith("EntityDefinitions(LogicalName='nothing')")) return null;
      if (path.includes('LookupAttributeMetadata')) return { value: [{ LogicalName: 'parentcustomerid', Targets: ['account', 'contact'] }] };
      return CONTACT_DEFINITION;
    }, 'fr-FR');
    const table = await port.table('Contact');
    expect(table?.columns).toEqual([
      { logicalName: 'address1_city', displayName: 'address1_city', type: 'string', targets: [] },
      { logicalName: 'parentcustomerid', displayName: 'Entreprise', type: 'customer', targets: ['account', 'contact'] },
      { logicalName: 'new_loyalty', displayName: 'Fidélité', type: 'picklist', targets: [] },
      { logicalName: 'lastname', displayName: 'Nom', type: 'string', targets: [] },
    ]);
    await port.table('contact');
    expect(paths).toEqual([
      "EntityDefinitions(LogicalName='contact')?$select=LogicalName,DisplayName,PrimaryNameAttribute&$expand=Attributes($select=LogicalName,AttributeType,DisplayName,IsValidForRead,AttributeOf)",
      "EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets",
    ]);
    expect(await port.table('nothing')).toBeNull();
  });
});

describe('merge data', () => {
  test('reads only existing columns, and the regarding row only when the template uses it', async () => {
    const data = fakeData({ retrieve: (entity) => (entity === 'contact' ? { lastname: 'Smith' } : { ordernumber: 'ORD-1' }) });
    const metadata = fakeMetadata([CONTACT_TABLE, { logicalName: 'salesorder', displayName: 'Order', primaryNameAttribute: 'name', columns: [{ logicalName: 'ordernumber', displayName: 'Order ID', type: 'string', targets: [] }] }]);
    const merged = await loadMergeData(data, metadata, 'Mr [lastname] [unknown], order [regarding:ordernumber]', { entityType: 'contact', id: 'C1' }, { entityType: 'salesorder', id: 'O1' });
    expect(merged).toEqual({ recipient: { lastname: 'Smith' }, regarding: { ordernumber: 'ORD-1' } });
    expect(data.calls.map((c) => c.args)).toEqual([
      ['contact', 'c1', '?$select=lastname'],
      ['salesorder', 'o1', '?$select=ordernumber'],
    ]);
    const withoutRegarding = fakeData({ retrieve: () => ({ lastname: 'Smith' }) });
    await loadMergeData(withoutRegarding, metadata, 'Mr [lastname]', { entityType: 'contact', id: 'C1' }, { entityType: 'salesorder', id: 'O1' });
    expect(withoutRegarding.calls).toHaveLength(1);
  });
});

describe('Web API metadata requests', () => {
  test('go to the org Web API with OData headers; 404 is "no such table", other errors carry the message', async () => {
    const seen: Array<{ url: string; init: RequestInit | undefined }> = [];
    const responses = [
      { status: 200, ok: true, json: async () => ({ LogicalName: 'contact' }) },
      { status: 404, ok: false, json: async () => ({}) },
      { status: 403, ok: false, json: async () => ({ error: { message: 'Principal user is missing prvReadEntity' } }) },
    ];
    const fetchJson = webApiFetch('https://org.crm4.dynamics.com/', (async (url: string, init?: RequestInit) => {
      seen.push({ url, init });
      return responses.shift();
    }) as unknown as typeof fetch);
    await expect(fetchJson("EntityDefinitions(LogicalName='contact')")).resolves.toEqual({ LogicalName: 'contact' });
    await expect(fetchJson("EntityDefinitions(LogicalName='x')")).resolves.toBeNull();
    await expect(fetchJson("EntityDefinitions(LogicalName='y')")).rejects.toThrow('Principal user is missing prvReadEntity');
    expect(seen[0]?.url).toBe("https://org.crm4.dynamics.com/api/data/v9.2/EntityDefinitions(LogicalName='contact')");
    expect(seen[0]?.init?.headers).toEqual({ Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' });
  });
});
