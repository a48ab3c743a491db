import { planCampaign } from '../src/campaigns/plan';
import { toJsonRecord, type CollectedRecipient } from '../src/campaigns/recipient-page';
import { holdUntil } from '../src/campaigns/send-window';

const recipient = (id: string, phone: string | null, data: Record<string, unknown>, name = id): CollectedRecipient => ({ id, table: 'contact', name, phone, via: null, data: toJsonRecord(data as never) });
const base = { purpose: 'marketing' as const, language: 'en' as const, defaultCountry: 'FR', optOuts: new Set<string>(), maxFieldLength: 50 };

describe('planCampaign', () => {
  test('merge fields become the provider placeholders; each recipient gets its values', () => {
    const plan = planCampaign(
      [recipient('c1', '0649819006', { firstname: 'David', lastname: 'Smith', parentcustomerid: { kind: 'lookup', id: 'a', entity: 'account', name: 'Contoso', record: { name: 'Contoso' } } })],
      { ...base, text: 'Bonjour [firstname] [lastname] ([parentcustomerid.name]), [firstname] ! STOP au XXXXX' },
    );
    expect(plan.providerText).toBe('Bonjour {param1} {param2} ({param3}), {param1} ! STOP au XXXXX');
    expect(plan.valid).toEqual([
      expect.objectContaining({ e164: '+33649819006', text: 'Bonjour David Smith (Contoso), David ! STOP au XXXXX', fields: { param1: 'David', param2: 'Smith', param3: 'Contoso' }, segments: 1, encoding: 'GSM-7' }),
    ]);
    expect(plan.summary).toBe('1 recipient. 0 errors.');
  });

  test('the same record in two lists is one recipient', () => {
    const a = recipient('c1', '0649819006', { firstname: 'A' });
    const plan = planCampaign([a, a], { ...base, text: 'Hi STOP au XXXXX' });
    expect(plan.counts).toMatchObject({ recipients: 1, valid: 1 });
  });

  test('a value longer than a placeholder allows fails that recipient only', () => {
    const plan = planCampaign([recipient('c1', '0649819006', { lastname: 'x'.repeat(51) }), recipient('c2', '0649819007', { lastname: 'Smith' })], { ...base, text: 'Bonjour [lastname] STOP au XXXXX' });
    expect(plan.rows[0]).toMatchObject({ status: 'ECHEC', detail: 'The value of [lastname] has 51 characters; the provider accepts at most 50 for a personalised field.' });
    expect(plan.valid.map((v) => v.id)).toEqual(['c2']);
  });

  test('more merge fields than placeholders, or [regarding:…], fail the whole text', () => {
    const many = planCampaign([recipient('c1', '0649819006', {})], { ...base, text: '[a][b][c][d][e][f][g][h] STOP au XXXXX' });
    expect(many.textProblem).toBe('The text uses 8 merge fields; the provider personalises at most 7 per campaign.');
    expect(many.valid).toEqual([]);
    const regarding = planCampaign([recipient('c1', '0649819006', {})], { ...base, language: 'fr', text: '[regarding:ordernumber] STOP au XXXXX' });
    expect(regarding.rows[0]?.detail).toMatch(/^Les textes de campagne ne peuvent pas utiliser de champs \[regarding:…\]/);
  });

  test('dates survive the trip through JSON and render in the user language', () => {
    const plan = planCampaign([recipient('c1', '0649819006', { birthdate: new Date('2026-03-09T10:00:00Z') })], { ...base, language: 'fr', purpose: 'transactional', text: 'Le [birthdate]' });
    expect(plan.valid[0]?.text).toBe('Le 09/03/2026 11:00');
  });
});

describe('holdUntil', () => {
  const sundayNight = new Date('2026-11-22T21:00:00Z');
  test('French marketing without a deferred date waits for Monday 8:00', () => {
    expect(holdUntil({ type: 'Marketing', french: true, sendAt: null }, sundayNight, null)).toEqual(new Date('2026-11-23T07:00:00Z'));
  });
  test('no hold for transactional, non-French, deferred, or inside the hours', () => {
    expect(holdUntil({ type: 'Transactional', french: true, sendAt: null }, sundayNight, null)).toBeNull();
    expect(holdUntil({ type: 'Marketing', french: false, sendAt: null }, sundayNight, null)).toBeNull();
    expect(holdUntil({ type: 'Marketing', french: true, sendAt: '2026-11-24T09:00:00Z' }, sundayNight, null)).toBeNull();
    expect(holdUntil({ type: 'Marketing', french: true, sendAt: null }, new Date('2026-11-24T09:00:00Z'), null)).toBeNull();
  });
  test('the configured end of the window counts', () => {
    const tuesday2130 = new Date('2026-11-24T20:30:00Z');
    expect(holdUntil({ type: 'Marketing', french: true, sendAt: null }, tuesday2130, '22:00')).toBeNull();
    expect(holdUntil({ type: 'Marketing', french: true, sendAt: null }, tuesday2130, null)).toEqual(new Date('2026-11-25T07:00:00Z'));
  });
});
