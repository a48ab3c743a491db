import type { RunningSandbox } from '../../octopush';
import { alert, octopush, sandbox } from './helpers';

let sb: RunningSandbox;
afterEach(() => sb.stop());

const prices = { FR: { sms_premium: 0.05, sms_low_cost: 0.04 }, ES: { sms_premium: 0.1 }, '*': { sms_premium: 0.2, sms_low_cost: 0.1 } };

test('check-balance answers the credit in euros and follows sends', async () => {
  sb = await sandbox({ accounts: [{ login: 'a@b.c', apiKey: 'k', balance: 12.54 }] });
  const api = octopush(sb);
  expect(await api.get('/wallet/check-balance')).toMatchObject({ status: 200, body: { amount: 12.54, unit: 'euros' } });
  await api.send(alert());
  expect((await api.get('/wallet/check-balance')).body).toEqual({ amount: 12.495, unit: 'euros' });
});

test('check-balance with country_code and product_name gives the balance in SMS; one without the other is refused', async () => {
  sb = await sandbox({ prices, accounts: [{ login: 'a@b.c', apiKey: 'k', balance: 1 }] });
  const api = octopush(sb);
  expect((await api.get('/wallet/check-balance?country_code=FR&product_name=sms_premium')).body).toEqual({ amount: 20, unit: 'sms' });
  expect((await api.get('/wallet/check-balance?country_code=fr&product_name=sms_low_cost')).body).toEqual({ amount: 25, unit: 'sms' });
  expect((await api.get('/wallet/check-balance?country_code=FR')).body.code).toBe(125);
  expect((await api.get('/wallet/check-balance?country_code=FR&product_name=sms_gold')).body.code).toBe(125);
});

test('check-credits lists units per product for the asked countries, or every priced country', async () => {
  sb = await sandbox({ prices, accounts: [{ login: 'a@b.c', apiKey: 'k', balance: 1 }] });
  const api = octopush(sb);
  expect((await api.get('/wallet/check-credits?country_codes[]=FR&country_codes[]=GB')).body).toEqual({
    FR: { premium_sms: 20, vocal_sms: 0, low_cost_sms: 25, hlr: 0 },
    GB: { premium_sms: 5, vocal_sms: 0, low_cost_sms: 10, hlr: 0 },
  });
  expect((await api.get('/wallet/check-credits')).body).toEqual({
    FR: { premium_sms: 20, vocal_sms: 0, low_cost_sms: 25, hlr: 0 },
    ES: { premium_sms: 10, vocal_sms: 0, low_cost_sms: 0, hlr: 0 },
  });
});
