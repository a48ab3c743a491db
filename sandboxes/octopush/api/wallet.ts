// Credit: GET /wallet/check-balance → { amount, unit: "euros" }; GET /wallet/check-credits →
// units per product and country { FR: { premium_sms, low_cost_sms, vocal_sms, hlr } }.
import type { SmsType } from '../options';
import { toEuros, toUnits } from '../state/money';
import type { OctopushHandler } from './context';
import { fail } from './errors';

const PRODUCTS: Record<string, SmsType | undefined> = { sms_premium: 'sms_premium', sms_low_cost: 'sms_low_cost', vocal_sms: undefined, hlr: undefined };

export const checkBalance: OctopushHandler = ({ rt, account, query }) => {
  const country = query.get('country_code');
  const product = query.get('product_name');
  if (!country && !product) return { status: 200, body: { amount: toEuros(account.balance), unit: 'euros' } };
  if (!country || !product) fail(125, 'country_code and product_name go together.');
  if (!(product! in PRODUCTS)) fail(125, `product_name must be one of ${Object.keys(PRODUCTS).join(', ')}.`);
  // With a country and a product the balance is given "by SMS": how many of them the credit buys.
  return { status: 200, body: { amount: unitsAffordable(rt.config.prices, account.balance, country!.toUpperCase(), PRODUCTS[product!]), unit: 'sms' } };
};

export const checkCredits: OctopushHandler = ({ rt, account, query }) => {
  const asked = [...query.getAll('country_codes[]'), ...query.getAll('country_codes')].map((c) => c.toUpperCase());
  const countries = asked.length > 0 ? asked : Object.keys(rt.config.prices).filter((c) => c !== '*');
  const body: Record<string, Record<string, number>> = {};
  for (const country of countries) {
    body[country] = {
      premium_sms: unitsAffordable(rt.config.prices, account.balance, country, 'sms_premium'),
      vocal_sms: 0,
      low_cost_sms: unitsAffordable(rt.config.prices, account.balance, country, 'sms_low_cost'),
      hlr: 0,
    };
  }
  return { status: 200, body };
};

function unitsAffordable(prices: Record<string, Partial<Record<SmsType, number>>>, balance: number, country: string, type: SmsType | undefined): number {
  if (!type) return 0;
  const euros = (prices[country] ?? prices['*'])?.[type];
  if (typeof euros !== 'number' || euros <= 0) return 0;
  return Math.max(0, Math.floor(balance / toUnits(euros)));
}
