// normalizePhone throughput against libphonenumber-js used directly (throwing parser + isValid + getType).
import { normalizePhone } from '@smsc/core';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { recipients, report } from './corpus.mjs';

const inputs = recipients(50000).map((r) => r.phone);

function measure(fn) {
  fn();
  const started = process.hrtime.bigint();
  fn();
  return Math.round(inputs.length / (Number(process.hrtime.bigint() - started) / 1e9));
}

let ok = 0;
const ours = measure(() => {
  for (const raw of inputs) if (normalizePhone(raw, { defaultCountry: 'FR' }).ok) ok++;
});
const direct = measure(() => {
  for (const raw of inputs) {
    try {
      const n = parsePhoneNumberWithError(raw ?? '', 'FR');
      if (n.isValid() && n.getType()) ok++;
    } catch {
      /* invalid */
    }
  }
});
report({ bench: 'normalizePhone', inputs: inputs.length, perSecond: ours, unit: 'numbers/s' });
report({ bench: 'normalizePhone.libphonenumber', perSecond: direct, unit: 'numbers/s', ratio: Number((ours / direct).toFixed(2)) });
if (ok < 0) console.log(ok);
