import { DeliveryStatus, SmsType, TemplateStatus } from '@smsc/core';
import * as SmsForm from '../src/sms/sms-form';
import { controlNotices, controlOf, fakeData, fakeMetadata, fakePorts, mockForm, notice, CONTACT_TABLE, ACCOUNT_TABLE } from './fakes';

const CONTACT = { id: '{AAAA0000-0000-0000-0000-000000000001}', entityType: 'contact', name: 'David Smith' };
const ACCOUNT = { id: '{BBBB0000-0000-0000-0000-000000000002}', entityType: 'account', name: 'Contoso' };
const CONFIG_ROW = {
  smsc_configurationid: 'cfg',
  smsc_allowtypechoice: false,
  smsc_defaultsmstype: SmsType.Transactional,
  smsc_allowcustomsender: true,
  smsc_defaultsender: 'Contoso',
};

function smsForm(overrides: { to?: Xrm.LookupValue[] | null; phone?: string | null; text?: string; status?: number | null; regarding?: Xrm.LookupValue[] | null; subject?: string } = {}) {
  return mockForm({
    entityName: 'smsc_sms',
    id: '{CCCC0000-0000-0000-0000-000000000003}',
    primaryValue: overrides.subject ?? 'Reminder',
    strings: { subject: overrides.subject ?? 'Reminder', smsc_phonenumber: overrides.phone ?? null, smsc_text: overrides.text ?? '', smsc_sender: null },
    options: { smsc_smstype: null, smsc_deliverystatus: overrides.status === undefined ? DeliveryStatus.Draft : overrides.status },
    lookups: { to: overrides.to === undefined ? [CONTACT] : overrides.to, regardingobjectid: overrides.regarding ?? null, smsc_templateid: null },
    numbers: { smsc_cost: null },
    labels: { smsc_phonenumber: 'Recipient number', smsc_text: 'Text', smsc_smstype: 'SMS type', smsc_sender: 'Sender' },
  });
}

describe('SMS form on load', () => {
  test('fills the number from the contact mobile phone, reading only the columns it needs', async () => {
    const data = fakeData({ retrieve: () => ({ fullname: 'David Smith', mobilephone: '+33649819006' }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm();
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(form.getAttribute('smsc_phonenumber')?.getValue()).toBe('+33649819006');
    expect(data.calls).toContainEqual({ method: 'retrieveRecord', args: ['contact', 'aaaa0000-0000-0000-0000-000000000001', '?$select=fullname,mobilephone'] });
  });

  test('an account recipient gets the mobile phone of its primary contact, in one request', async () => {
    const data = fakeData({
      retrieve: () => ({ name: 'Contoso', primarycontactid: { fullname: 'Anna Lee', mobilephone: '+33611223344' } }),
      retrieveMultiple: () => [CONFIG_ROW],
    });
    const form = smsForm({ to: [ACCOUNT] });
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(form.getAttribute('smsc_phonenumber')?.getValue()).toBe('+33611223344');
    expect(data.calls).toContainEqual({
      method: 'retrieveRecord',
      args: ['account', 'bbbb0000-0000-0000-0000-000000000002', '?$select=name&$expand=primarycontactid($select=fullname,mobilephone)'],
    });
  });

  test('an account without primary contact is reported in French, naming the field and the SMS', async () => {
    const data = fakeData({ retrieve: () => ({ name: 'Contoso', primarycontactid: null }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm({ to: [ACCOUNT] });
    await SmsForm.onLoad(form, fakePorts({ data, languageId: 1036 }));
    expect(notice(form, SmsForm.NUMBER_NOTICE)).toEqual({
      uniqueId: SmsForm.NUMBER_NOTICE,
      level: 'WARNING',
      message: 'Le compte Contoso n\'a pas de contact principal : saisissez le numéro dans « Recipient number » de SMS « Reminder ».',
    });
    expect(form.getAttribute('smsc_phonenumber')?.getValue()).toBeNull();
  });

  test('a contact without mobile is reported with its name', async () => {
    const data = fakeData({ retrieve: () => ({ fullname: 'David Smith', mobilephone: null }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm();
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(notice(form, SmsForm.NUMBER_NOTICE)?.message).toBe('David Smith has no mobile phone: enter the number in "Recipient number" of SMS "Reminder".');
  });

  test('a number already typed is kept', async () => {
    const data = fakeData({ retrieve: () => ({ mobilephone: '+33600000000' }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm({ phone: '+33612345678' });
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(form.getAttribute('smsc_phonenumber')?.getValue()).toBe('+33612345678');
    expect(data.calls.some((c) => c.method === 'retrieveRecord')).toBe(false);
  });

  test('type and sender follow the single-send preferences, with their defaults', async () => {
    const data = fakeData({ retrieve: () => ({ mobilephone: '+33649819006' }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm();
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(controlOf(form, 'smsc_smstype').getVisible()).toBe(false);
    expect(form.getAttribute('smsc_smstype')?.getValue()).toBe(SmsType.Transactional);
    expect(controlOf(form, 'smsc_sender').getVisible()).toBe(true);
    expect(form.getAttribute('smsc_sender')?.getValue()).toBe('Contoso');
    const configurationQuery = data.calls.find((c) => c.method === 'retrieveMultipleRecords');
    expect(configurationQuery?.args[0]).toBe('smsc_configuration');
    expect(String(configurationQuery?.args[1])).not.toContain('smsc_apikey');
  });

  test('when the sender cannot be chosen it is hidden and forced to the default', async () => {
    const data = fakeData({
      retrieve: () => ({ mobilephone: '+33649819006' }),
      retrieveMultiple: () => [{ ...CONFIG_ROW, smsc_allowtypechoice: true, smsc_allowcustomsender: false, smsc_defaultsender: 'ACME' }],
    });
    const form = smsForm();
    form.getAttribute('smsc_sender')?.setValue('Other');
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(controlOf(form, 'smsc_smstype').getVisible()).toBe(true);
    expect(controlOf(form, 'smsc_sender').getVisible()).toBe(false);
    expect(form.getAttribute('smsc_sender')?.getValue()).toBe('ACME');
  });

  test('without configuration row the form says an administrator must create it', async () => {
    const data = fakeData({ retrieve: () => ({ mobilephone: '+33649819006' }) });
    const form = smsForm();
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(notice(form, SmsForm.CONFIG_NOTICE)?.level).toBe('WARNING');
  });

  test('opened from a contact (regarding), the contact becomes the recipient', async () => {
    const data = fakeData({ retrieve: () => ({ mobilephone: '+33649819006' }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm({ to: null, regarding: [CONTACT] });
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(form.getAttribute('to')?.getValue()).toEqual([CONTACT]);
    expect(form.getAttribute('smsc_phonenumber')?.getValue()).toBe('+33649819006');
  });

  test('a sent SMS is read-only', async () => {
    const data = fakeData();
    const form = smsForm({ status: DeliveryStatus.Delivered, phone: '+33649819006', text: 'Hello' });
    await SmsForm.onLoad(form, fakePorts({ data }));
    expect(controlOf(form, 'smsc_text').getDisabled()).toBe(true);
    expect(controlOf(form, 'smsc_phonenumber').getDisabled()).toBe(true);
    expect(notice(form, SmsForm.LOCK_NOTICE)?.message).toBe('SMS "Reminder" has been sent: it can no longer be changed.');
    expect(data.calls).toEqual([]);
  });

  test('the template lookup offers published templates of the recipient table', async () => {
    const data = fakeData({ retrieve: () => ({ mobilephone: '+33649819006' }), retrieveMultiple: () => [CONFIG_ROW] });
    const form = smsForm({ to: [ACCOUNT] });
    await SmsForm.onLoad(form, fakePorts({ data }));
    const control = controlOf<Xrm.Controls.LookupControl>(form, 'smsc_templateid') as unknown as { firePreSearch(): void; filters: Array<{ filter: string; entityLogicalName: string }> };
    control.firePreSearch();
    expect(control.filters).toEqual([
      {
        entityLogicalName: 'smsc_smstemplate',
        filter: `<filter type="and"><condition attribute="smsc_status" operator="eq" value="${TemplateStatus.Published}" /><condition attribute="smsc_entity" operator="eq" value="account" /></filter>`,
      },
    ]);
  });
});

describe('SMS form counter', () => {
  test('counts characters, encoding, parts and room left', () => {
    const form = smsForm({ text: 'Bonjour Mr Smith, votre commande a bien été enregistrée.' });
    SmsForm.onTextChange(form, fakePorts());
    expect(notice(form, 'smsc_counter')).toEqual({ uniqueId: 'smsc_counter', level: 'INFO', message: 'Text: 56 characters · GSM-7 · 1 SMS · 104 left in this part' });
    expect(controlNotices(form, 'smsc_text')).toEqual([]);
  });

  test('warns under the text when one character forces UCS-2, naming it and the fix', () => {
    const form = smsForm({ text: 'Rendez-vous l’après-midi' });
    SmsForm.onTextChange(form, fakePorts({ languageId: 1036 }));
    expect(notice(form, 'smsc_counter')?.message).toBe('Text : 24 caractères · UCS-2 · 1 SMS · 46 restants dans cette partie');
    expect(controlNotices(form, 'smsc_text')).toEqual([
      {
        uniqueId: 'smsc_ucs2',
        notificationLevel: 'RECOMMENDATION',
        messages: ['Unicode (UCS-2) à cause de « ’ » : 70 caractères par SMS au lieu de 160. Remplacez ’ → \' pour rester en GSM-7.'],
      },
    ]);
  });

  test('the warning goes away once the text is GSM-7 again', () => {
    const form = smsForm({ text: 'Emoji 😀' });
    SmsForm.onTextChange(form, fakePorts());
    expect(controlNotices(form, 'smsc_text')).toHaveLength(1);
    form.getAttribute('smsc_text')?.setValue('Plain text');
    SmsForm.onTextChange(form, fakePorts());
    expect(controlNotices(form, 'smsc_text')).toEqual([]);
  });
});

describe('SMS form template', () => {
  const TEMPLATE = { id: '{DDDD0000-0000-0000-0000-000000000004}', entityType: 'smsc_smstemplate', name: 'Order confirmation' };

  test('renders the template for the recipient and reports unknown merge fields', async () => {
    const data = fakeData({
      retrieve: (entity) =>
        entity === 'smsc_smstemplate'
          ? { smsc_name: 'Order confirmation', smsc_text: 'Hello [firstname] [lastname] from [parentcustomerid.name], [nickname]!', smsc_entity: 'contact', smsc_smstype: SmsType.Marketing }
          : entity === 'contact'
            ? { contactid: 'c1', firstname: 'David', lastname: 'Smith', _parentcustomerid_value: 'a1', '_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'account', '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso' }
            : { accountid: 'a1', name: 'Contoso Ltd' },
    });
    const metadata = fakeMetadata([CONTACT_TABLE, ACCOUNT_TABLE]);
    const form = smsForm();
    form.getAttribute('smsc_templateid')?.setValue([TEMPLATE]);
    await SmsForm.onTemplateChange(form, fakePorts({ data, metadata }));
    expect(form.getAttribute('smsc_text')?.getValue()).toBe('Hello David Smith from Contoso Ltd, [nickname]!');
    expect(notice(form, SmsForm.TEMPLATE_NOTICE)?.message).toBe('Template "Order confirmation" in "Text" of SMS "Reminder": unknown merge field [nickname], left as written.');
    expect(data.calls.map((c) => c.args.slice(0, 3))).toEqual([
      ['smsc_smstemplate', 'dddd0000-0000-0000-0000-000000000004', '?$select=smsc_name,smsc_text,smsc_entity,smsc_smstype'],
      ['contact', 'aaaa0000-0000-0000-0000-000000000001', '?$select=firstname,lastname,_parentcustomerid_value'],
      ['account', 'a1', '?$select=name'],
    ]);
    expect(notice(form, 'smsc_counter')?.message).toContain('GSM-7');
  });

  test('a template for another table is not applied', async () => {
    const data = fakeData({ retrieve: () => ({ smsc_name: 'Lead welcome', smsc_text: 'Hi', smsc_entity: 'lead' }) });
    const form = smsForm({ text: 'Mine' });
    form.getAttribute('smsc_templateid')?.setValue([TEMPLATE]);
    await SmsForm.onTemplateChange(form, fakePorts({ data }));
    expect(form.getAttribute('smsc_text')?.getValue()).toBe('Mine');
    expect(notice(form, SmsForm.TEMPLATE_NOTICE)?.message).toBe('Template "Order confirmation" is for table lead, but the recipient of SMS "Reminder" is a contact.');
  });

  test('without recipient the user is told to choose one first', async () => {
    const form = smsForm({ to: null });
    form.getAttribute('smsc_templateid')?.setValue([TEMPLATE]);
    await SmsForm.onTemplateChange(form, fakePorts());
    expect(notice(form, SmsForm.TEMPLATE_NOTICE)?.message).toContain('Choose the recipient of SMS "Reminder"');
  });
});
