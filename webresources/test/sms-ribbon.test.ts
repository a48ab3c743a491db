import { DeliveryStatus } from '@smsc/core';
import * as SmsRibbon from '../src/sms/sms-ribbon';
import { newSms } from '../src/sms/record-ribbon';
import { controlOf, fakeData, fakeDialogs, fakePorts, mockForm, notice } from './fakes';

const ID = '{CCCC0000-0000-0000-0000-000000000003}';

function draft(text = 'See you at 10:00', phone: string | null = '+33649819006', subject = 'Reminder') {
  const form = mockForm({
    entityName: 'smsc_sms',
    id: ID,
    primaryValue: subject,
    strings: { subject, smsc_phonenumber: phone, smsc_text: text, smsc_error: null },
    options: { smsc_deliverystatus: DeliveryStatus.Draft },
    dates: { scheduledend: null },
    labels: { smsc_phonenumber: 'Recipient number', smsc_text: 'Text' },
  });
  const saves: number[] = [];
  form.data.save = (() => {
    saves.push(1);
    return Promise.resolve();
  }) as unknown as Xrm.Data['save'];
  form.data.entity.getIsDirty = () => true;
  return { form, saves };
}

/** What the backend leaves on the row, seen by the form after its refresh. */
function refreshTo(form: Xrm.FormContext, status: number, extra: (form: Xrm.FormContext) => void = () => undefined): void {
  form.data.refresh = (() => {
    form.getAttribute('smsc_deliverystatus')?.setValue(status);
    extra(form);
    return Promise.resolve();
  }) as unknown as Xrm.Data['refresh'];
}

describe('Send', () => {
  test('saves, calls smsc_SendSms bound to this SMS with a progress indicator, then locks the sent SMS', async () => {
    const { form, saves } = draft();
    refreshTo(form, DeliveryStatus.Submitted);
    const data = fakeData();
    const dialogs = fakeDialogs();
    await SmsRibbon.send(form, fakePorts({ data, dialogs }));
    expect(saves).toHaveLength(1);
    expect(data.calls).toEqual([{ method: 'callCustomApi', args: [{ name: 'smsc_SendSms', target: { entityType: 'smsc_sms', id: ID } }] }]);
    expect(dialogs.log).toEqual(['progress: Sending the SMS…', 'progress closed']);
    expect(notice(form, SmsRibbon.SEND_NOTICE)).toEqual({ uniqueId: SmsRibbon.SEND_NOTICE, level: 'INFO', message: 'SMS "Reminder" was sent to +33649819006.' });
    expect(controlOf(form, 'smsc_text').getDisabled()).toBe(true);
    expect(SmsRibbon.canSend(form)).toBe(false);
  });

  test('a scheduled SMS says when it will go', async () => {
    const { form } = draft();
    refreshTo(form, DeliveryStatus.Scheduled, (f) => f.getAttribute('scheduledend')?.setValue(new Date(Date.UTC(2030, 0, 15, 9, 30))));
    await SmsRibbon.send(form, fakePorts({ languageId: 1036 }));
    expect(notice(form, SmsRibbon.SEND_NOTICE)?.message).toMatch(/^SMS « Reminder » sera envoyé au \+33649819006 le 15\/01\/2030 \d\d:30\.$/);
  });

  test('an error from the backend becomes an error notification naming the SMS', async () => {
    const { form } = draft();
    const data = fakeData({
      customApi: () => {
        throw { errorCode: 2147746611, message: 'The number +33149819006 is a landline: it cannot receive SMS.' };
      },
    });
    const dialogs = fakeDialogs();
    await SmsRibbon.send(form, fakePorts({ data, dialogs }));
    expect(notice(form, SmsRibbon.SEND_NOTICE)).toEqual({
      uniqueId: SmsRibbon.SEND_NOTICE,
      level: 'ERROR',
      message: 'SMS "Reminder" could not be sent: The number +33149819006 is a landline: it cannot receive SMS.',
    });
    expect(dialogs.log).toEqual(['progress: Sending the SMS…', 'progress closed']);
    expect(SmsRibbon.canSend(form)).toBe(true);
  });

  test('when the call fails, the reason the backend wrote on the SMS is what the user reads', async () => {
    const { form } = draft();
    refreshTo(form, DeliveryStatus.Failed, (f) => f.getAttribute('smsc_error')?.setValue('SMS "Reminder", field "Text": unknown merge field [nickname] for contact "David Smith".'));
    const data = fakeData({
      customApi: () => {
        throw { message: "Webhook step 'smsc_SmsConnectorBackend: smsc_SendSms' failed: the webhook answered HTTP 400." };
      },
    });
    const dialogs = fakeDialogs();
    await SmsRibbon.send(form, fakePorts({ data, dialogs }));
    expect(notice(form, SmsRibbon.SEND_NOTICE)?.message).toBe('SMS "Reminder" could not be sent: SMS "Reminder", field "Text": unknown merge field [nickname] for contact "David Smith".');
    expect(dialogs.log).toEqual(['progress: Sending the SMS…', 'progress closed']);
  });

  test('a provider failure recorded on the row is shown as an error', async () => {
    const { form } = draft();
    refreshTo(form, DeliveryStatus.Failed, (f) => f.getAttribute('smsc_error')?.setValue('Octopush 101: invalid credentials'));
    await SmsRibbon.send(form, fakePorts());
    expect(notice(form, SmsRibbon.SEND_NOTICE)).toMatchObject({ level: 'ERROR', message: 'SMS "Reminder" could not be sent: Octopush 101: invalid credentials' });
  });

  test('an empty text or number stops before saving, naming the field', async () => {
    const { form, saves } = draft('   ');
    const data = fakeData();
    await SmsRibbon.send(form, fakePorts({ data, languageId: 1036 }));
    expect(notice(form, SmsRibbon.SEND_NOTICE)?.message).toBe('« Text » de SMS « Reminder » est vide.');
    expect(saves).toHaveLength(0);
    expect(data.calls).toEqual([]);
    const noNumber = draft('Hello', null);
    await SmsRibbon.send(noNumber.form, fakePorts());
    expect(notice(noNumber.form, SmsRibbon.SEND_NOTICE)?.message).toBe('"Recipient number" of SMS "Reminder" is empty.');
  });

  test('a save that fails is reported and nothing is sent', async () => {
    const { form } = draft();
    form.data.save = (() => Promise.reject({ message: 'Subject: required' })) as unknown as Xrm.Data['save'];
    const data = fakeData();
    await SmsRibbon.send(form, fakePorts({ data }));
    expect(notice(form, SmsRibbon.SEND_NOTICE)?.message).toBe('SMS "Reminder" could not be saved before sending: Subject: required');
    expect(data.calls).toEqual([]);
  });

  test('an empty subject takes the beginning of the text', async () => {
    const { form } = draft('A'.repeat(100), '+33649819006', '');
    refreshTo(form, DeliveryStatus.Queued);
    await SmsRibbon.send(form, fakePorts());
    expect(form.getAttribute('subject')?.getValue()).toBe('A'.repeat(60));
  });
});

describe('Send SMS from a contact, lead or account', () => {
  test('opens a new SMS created from the record', async () => {
    const form = mockForm({ entityName: 'lead', id: '{EEEE0000-0000-0000-0000-000000000005}', primaryValue: 'Jane Roe' });
    const dialogs = fakeDialogs();
    await newSms(form, fakePorts({ dialogs }));
    expect(dialogs.log).toEqual(['open smsc_sms from lead {EEEE0000-0000-0000-0000-000000000005} Jane Roe']);
  });

  test('asks to save a new record first', async () => {
    const form = mockForm({ entityName: 'account', id: '', primaryValue: '' });
    const dialogs = fakeDialogs();
    await newSms(form, fakePorts({ dialogs, languageId: 1036 }));
    expect(dialogs.log).toEqual([]);
    expect(notice(form, 'smsc_newsms')?.message).toBe('Enregistrez Compte (nouveau) avant de lui envoyer un SMS.');
  });
});
