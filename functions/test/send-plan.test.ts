import { planSend, type SendInputs } from '../src/services/send-plan';
import { idempotencyKey } from '../src/services/send-sms';
import type { SmsConfiguration } from '../src/dataverse/configuration-repository';

const configuration: SmsConfiguration = {
  id: 'cfg',
  provider: 'Octopush',
  apiLogin: 'a',
  apiKey: 'b',
  proxy: null,
  defaultCountry: 'FR',
  single: { allowTypeChoice: true, defaultType: 'Transactional', allowCustomSender: true, defaultSender: 'Contoso' },
  campaign: { allowTypeChoice: false, defaultType: 'Marketing', allowCustomSender: false, defaultSender: null },
  sendWindowEnd: null,
};

const contact = { ref: { logicalName: 'contact', id: 'c1', name: 'David Smith' }, name: 'David Smith', mobile: '06 49 81 90 06', via: null, active: true };
const tuesdayNoon = new Date('2026-11-24T11:00:00Z');

function inputs(overrides: Partial<SendInputs> = {}): SendInputs {
  return {
    subject: 'Order',
    language: 'en',
    configuration,
    defaultCountry: 'FR',
    recipient: contact,
    phone: null,
    text: 'Your order is ready.',
    requestedType: null,
    requestedSender: null,
    dueDate: null,
    now: tuesdayNoon,
    recipientRecord: null,
    regardingRecord: null,
    regarding: null,
    recipientTableLabel: 'contact',
    maxTextLength: 1224,
    isOptedOut: async () => false,
    ...overrides,
  };
}

describe('planSend', () => {
  test('a transactional SMS to a contact: number normalised, defaults applied', async () => {
    const result = await planSend(inputs());
    expect(result).toMatchObject({ ok: true, plan: { e164: '+33649819006', country: 'FR', type: 'Transactional', sender: 'Contoso', sendAt: null, note: null } });
  });

  test('the number typed on the SMS wins over the recipient mobile', async () => {
    expect(await planSend(inputs({ phone: '+44 7400 123456' }))).toMatchObject({ ok: true, plan: { e164: '+447400123456' } });
  });

  test('merge fields are rendered; unknown ones refused naming the field and record', async () => {
    const ok = await planSend(inputs({ text: 'Bonjour [lastname], commande [regarding:ordernumber]', recipientRecord: { lastname: 'Smith' }, regarding: { logicalName: 'salesorder', id: 'o1' }, regardingRecord: { ordernumber: 'ORD-1' } }));
    expect(ok).toMatchObject({ ok: true, plan: { text: 'Bonjour Smith, commande ORD-1' } });
    const missing = await planSend(inputs({ text: 'Bonjour [nickname]', recipientRecord: { lastname: 'Smith' } }));
    expect(missing).toEqual({ ok: false, message: 'SMS "Order", field "Text": unknown merge field [nickname] for contact "David Smith".' });
    const noRegarding = await planSend(inputs({ text: 'Order [regarding:ordernumber]' }));
    expect(noRegarding).toEqual({ ok: false, message: 'SMS "Order", field "Text": [regarding:ordernumber] needs a "Regarding" record, and this SMS has none.' });
  });

  test.each([
    [{ recipient: null }, 'SMS "Order" has no recipient: choose a contact, lead or account in "Recipient".'],
    [{ recipient: { ...contact, mobile: null } }, 'SMS "Order": David Smith has no mobile phone ("Mobile Phone" is empty).'],
    [{ recipient: { ref: { logicalName: 'account', id: 'a1' }, name: 'Contoso', mobile: null, via: null, active: true } }, 'SMS "Order": account Contoso has no primary contact, whose mobile number SMS to an account use.'],
    [{ phone: '06 49' }, 'SMS "Order", field "Recipient number": The number "06 49" is too short for France.'],
    [{ phone: '01 23 45 67 89' }, 'SMS "Order", field "Recipient number": +33123456789 is a landline and cannot receive SMS.'],
    [{ text: '   ' }, 'SMS "Order", field "Text": the message is empty.'],
    [{ requestedSender: 'Mon Shop' }, 'SMS "Order", field "Sender": "Mon Shop" is not allowed; use 3 to 11 letters or digits, without accents or spaces.'],
    [{ text: 'x'.repeat(1225) }, 'SMS "Order", field "Text": 1225 characters; the provider accepts at most 1224.'],
  ] as Array<[Partial<SendInputs>, string]>)('refusal %#', async (overrides, message) => {
    expect(await planSend(inputs(overrides))).toEqual({ ok: false, message });
  });

  test('an account is reached through its primary contact', async () => {
    const account = { ref: { logicalName: 'account', id: 'a1', name: 'Contoso' }, name: 'Contoso', mobile: '+33 6 00 00 00 01', via: { logicalName: 'contact', id: 'c9', name: 'Anne Martin' }, active: true };
    expect(await planSend(inputs({ recipient: account }))).toMatchObject({ ok: true, plan: { e164: '+33600000001' } });
    expect(await planSend(inputs({ recipient: { ...account, mobile: null } }))).toEqual({
      ok: false,
      message: 'SMS "Order": Anne Martin has no mobile phone ("Mobile Phone" is empty) on the primary contact Anne Martin of account Contoso.',
    });
  });

  test('marketing: opt-out refused, STOP mention required for France, not for the UK', async () => {
    const optedOut = await planSend(inputs({ requestedType: 'Marketing', text: 'Promo STOP au XXXXX', isOptedOut: async (n) => n === '+33649819006' }));
    expect(optedOut).toEqual({ ok: false, message: 'SMS "Order": +33649819006 has opted out (STOP) of marketing SMS. Transactional SMS are still allowed.' });
    expect(await planSend(inputs({ requestedType: 'Transactional', isOptedOut: async () => true }))).toMatchObject({ ok: true });
    expect(await planSend(inputs({ requestedType: 'Marketing', text: 'Promo -20%' }))).toEqual({
      ok: false,
      message: "SMS \"Order\", field \"Text\": marketing SMS to French numbers must contain the mention 'STOP au XXXXX'.",
    });
    expect(await planSend(inputs({ requestedType: 'Marketing', text: 'Promo -20%', phone: '+447400123456' }))).toMatchObject({ ok: true });
  });

  test('preferences: without type choice the default type is used', async () => {
    const locked = { ...configuration, single: { ...configuration.single, allowTypeChoice: false, defaultType: 'Marketing' as const } };
    expect(await planSend(inputs({ configuration: locked, requestedType: 'Transactional', text: 'Hi STOP au 30101' }))).toMatchObject({ ok: true, plan: { type: 'Marketing' } });
  });

  test('due date in the future schedules; French marketing outside hours is held', async () => {
    const later = new Date('2026-11-25T09:00:00Z');
    expect(await planSend(inputs({ dueDate: later }))).toMatchObject({ ok: true, plan: { sendAt: later } });
    expect(await planSend(inputs({ dueDate: new Date(tuesdayNoon.getTime() - 3600_000) }))).toMatchObject({ ok: true, plan: { sendAt: null } });
    const sundayNight = new Date('2026-11-22T21:00:00Z');
    const held = await planSend(inputs({ now: sundayNight, requestedType: 'Marketing', text: 'Promo STOP au XXXXX' }));
    expect(held).toMatchObject({ ok: true, plan: { sendAt: new Date('2026-11-23T07:00:00Z') } });
    expect(held.ok && held.plan.note).toBe('Marketing SMS to French numbers may only be sent Monday to Saturday, 8:00 to 20:00, except public holidays: scheduled for 23/11/2026, 08:00.');
    expect(await planSend(inputs({ now: sundayNight }))).toMatchObject({ ok: true, plan: { sendAt: null } });
  });

  test('messages follow the user language', async () => {
    expect(await planSend(inputs({ language: 'fr', recipient: { ...contact, mobile: null } }))).toEqual({
      ok: false,
      message: 'SMS « Order » : David Smith n\'a pas de numéro de mobile (« Téléphone mobile » est vide).',
    });
  });
});

describe('idempotencyKey', () => {
  const plan = { e164: '+33649819006', text: 'Hi', sender: null, type: 'Transactional' as const, sendAt: null };
  test('stable for the same content, different when the content changes', () => {
    const key = idempotencyKey('0c1d2e3f-0000-0000-0000-000000000001', plan);
    expect(key).toMatch(/^smsc-0c1d2e3f000000000000000000000001-[0-9a-f]{16}$/);
    expect(idempotencyKey('0c1d2e3f-0000-0000-0000-000000000001', { ...plan })).toBe(key);
    expect(idempotencyKey('0c1d2e3f-0000-0000-0000-000000000001', { ...plan, e164: '+33600000001' })).not.toBe(key);
    expect(idempotencyKey('0c1d2e3f-0000-0000-0000-000000000001', { ...plan, text: 'Hi!' })).not.toBe(key);
  });
});
