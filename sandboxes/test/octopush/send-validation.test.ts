// sms-campaign/send refuses with HTTP 400 { code, message } where Octopush would.
import type { RunningSandbox, SandboxOptions } from '../../octopush';
import { alert, octopush, sandbox } from './helpers';

let sb: RunningSandbox;
const start = async (options: SandboxOptions = {}) => {
  sb = await sandbox(options);
  return octopush(sb);
};
afterEach(() => sb.stop());

const numbers = (n: number) => Array.from({ length: n }, (_, i) => ({ phone_number: `+336${String(10000000 + i)}` }));

async function refused(body: Record<string, unknown>, code: number, options?: SandboxOptions) {
  const api = await start(options);
  const reply = await api.send(body);
  expect(reply.status).toBe(400);
  expect(reply.body).toEqual({ code, message: expect.any(String) });
  expect(sb.messages()).toHaveLength(0);
  expect((await api.get('/wallet/check-balance')).body.amount).toBe(100);
  return reply.body.message as string;
}

describe('recipients', () => {
  test('missing → 110, empty → 103', async () => {
    const { recipients: _r, ...noRecipients } = alert();
    await refused(noRecipients, 110);
    await sb.stop();
    await refused(alert({ recipients: [] }), 103);
  });

  test('500 recipients are accepted, 501 are refused with 305', async () => {
    const api = await start();
    const ok = await api.send(alert({ recipients: numbers(500) }));
    expect(ok.status).toBe(200);
    expect(ok.body.number_of_contacts).toBe(500);
    await sb.stop();
    await refused(alert({ recipients: numbers(501) }), 305);
  });

  test.each([
    ['national format', '0649819006', 117],
    ['trunk zero kept after +33', '+330649819006', 117],
    ['spaces', '+33 6 49 81 90 06', 117],
    ['one digit short', '+3364981900', 117],
    ['00 prefix instead of +', '0033649819006', 117],
    ['no country for the prefix', '+999123456789', 150],
    ['not a string', 33649819006, 117],
  ])('a lone bad number (%s) → %i', async (_label, phone, code) => {
    await refused(alert({ recipients: [{ phone_number: phone }] }), code);
  });

  test('bad numbers among good ones are left out, not charged, and the send goes', async () => {
    const api = await start();
    const reply = await api.send(alert({ recipients: [{ phone_number: '+33649819006' }, { phone_number: '0612345678' }, { phone_number: '+32470123456' }] }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ number_of_contacts: 2, total_cost: 0.125 });
    expect(sb.messages().map((m) => [m.recipient, m.country])).toEqual([['+33649819006', 'FR'], ['+32470123456', 'BE']]);
    const [campaign] = sb.campaigns();
    expect(campaign!.rejected).toEqual([{ phone_number: '0612345678', code: 117, reason: expect.stringContaining('international format') }]);
  });

  test('with invalidNumbers "reject" one bad number fails the whole call', async () => {
    await refused(alert({ recipients: [{ phone_number: '+33649819006' }, { phone_number: '0612345678' }] }), 117, { send: { invalidNumbers: 'reject' } });
  });

  test('a country without a low cost price → 152', async () => {
    await refused(alert({ type: 'sms_low_cost', recipients: [{ phone_number: '+32470123456' }] }), 152, {
      prices: { '*': { sms_premium: 0.08 } },
    });
  });
});

describe('text', () => {
  test('missing or empty → 107', async () => {
    await refused(alert({ text: undefined }), 107);
    await sb.stop();
    await refused(alert({ text: '' }), 107);
  });

  test('1224 characters are accepted, 1225 refused with 102', async () => {
    const api = await start();
    const ok = await api.send(alert({ text: 'a'.repeat(1224) }));
    expect(ok.status).toBe(200);
    expect(ok.body.number_of_sms_needed).toBe(8);
    await sb.stop();
    const message = await refused(alert({ text: 'a'.repeat(1225) }), 102);
    expect(message).toContain('1225 characters');
  });

  test('characters are counted as the user sees them: 1224 emoji are accepted', async () => {
    const api = await start();
    expect((await api.send(alert({ text: '😀'.repeat(1224) }))).status).toBe(200);
  });
});

describe('type, purpose, sender, send_at', () => {
  test.each([undefined, 'sms_vocal', 'premium', 1])('type %p → 112', async (type) => {
    await refused(alert({ type }), 112);
  });

  test('purpose other than alert or wholesale → 125 naming the field', async () => {
    const message = await refused(alert({ purpose: 'marketing' }), 125);
    expect(message).toContain('purpose must be "alert" or "wholesale"');
  });

  test.each(['AB', 'TwelveChars1', 'My Shop', 'Boutique-7', 'Café', 42])('sender %p → 106', async (sender) => {
    await refused(alert({ sender }), 106);
  });

  test('3 and 11 alphanumeric characters are fine; spaces only when allowed', async () => {
    const api = await start();
    expect((await api.send(alert({ sender: 'ABC' }))).status).toBe(200);
    expect((await api.send(alert({ sender: 'Eleven12345' }))).status).toBe(200);
    expect((await api.send(alert({ sender: undefined }))).status).toBe(200);
    await sb.stop();
    const spaced = await start({ send: { senderAllowsSpaces: true } });
    expect((await spaced.send(alert({ sender: 'My Shop' }))).status).toBe(200);
  });

  test.each(['tomorrow', '2026-13-01T10:00:00+01:00', '2026-02-30T10:00:00Z', '03/10/2026 10:00'])('send_at %p → 125', async (sendAt) => {
    const message = await refused(alert({ send_at: sendAt }), 125);
    expect(message).toContain('send_at must be an ISO 8601 date');
  });
});

describe('French STOP mention (code 121)', () => {
  const marketing = (text: string, overrides: Record<string, unknown> = {}) => alert({ purpose: 'wholesale', text, ...overrides });

  test('marketing to a French number without the mention → 400 code 121, exactly as Octopush answers', async () => {
    const api = await start();
    const reply = await api.send(marketing('-20% ce week-end !'));
    expect(reply).toMatchObject({ status: 400, body: { code: 121, message: 'STOP mention ([STOP au 30101]) is missing from your text.' } });
  });

  test('purpose defaults to wholesale, so a send without purpose needs the mention too', async () => {
    await refused(alert({ purpose: undefined }), 121);
  });

  test('the check is case sensitive', async () => {
    await refused(marketing('Promo ! stop au 30101'), 121);
  });

  test('low cost marketing to France needs it as well; overseas departments count as France', async () => {
    await refused(marketing('Promo !', { type: 'sms_low_cost' }), 121);
    await sb.stop();
    await refused(marketing('Promo !', { recipients: [{ phone_number: '+262692123456' }] }), 121);
  });

  test('"STOP au 30101" and "STOP au XXXXX" pass; XXXXX becomes the short code in what is sent', async () => {
    const api = await start();
    expect((await api.send(marketing('Promo ! STOP au 30101'))).status).toBe(200);
    expect((await api.send(marketing('Promo ! STOP au XXXXX'))).status).toBe(200);
    expect(sb.messages().map((m) => m.text)).toEqual(['Promo ! STOP au 30101', 'Promo ! STOP au 30101']);
    expect(sb.messages()[1]!.sent_text).toBe('Promo ! STOP au XXXXX');
  });

  test('transactional SMS and marketing to other countries need no mention', async () => {
    const api = await start();
    expect((await api.send(alert({ text: 'Votre code : 123456' }))).status).toBe(200);
    expect((await api.send(marketing('Promo !', { recipients: [{ phone_number: '+32470123456' }] }))).status).toBe(200);
  });

  test('the accepted mentions and the case rule are options', async () => {
    const api = await start({ stopMention: { accepted: ['STOP au 36180'], caseSensitive: false } });
    expect((await api.send(marketing('Promo ! stop AU 36180'))).status).toBe(200);
    expect((await api.send(marketing('Promo ! STOP au 30101'))).body.code).toBe(121);
  });
});
