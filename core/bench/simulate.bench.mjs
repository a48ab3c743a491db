// Campaign simulation throughput: render + analyse + normalise + checks for 100,000 recipients,
// against a naive baseline written the obvious way (regex replace, Twilio's segment calculator,
// libphonenumber's throwing parser) on the same recipients. Run each side in its own process
// (argv[2] = 'ours' | 'naive') so that peak RSS belongs to one side only.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { recipients, report, peakRssMb } from './corpus.mjs';

const TEMPLATE = 'Bonjour [firstname] [lastname], -20% chez [parentcustomerid.name] ce week-end, encours [creditlimit]. STOP au XXXXX';
const COUNT = Number(process.env.BENCH_RECIPIENTS ?? 100000);

async function ours(list) {
  const { createSimulationContext, simulateRecipient, summarizeSimulation, toResumeCsv } = await import('@smsc/core');
  const options = { purpose: 'marketing', defaultCountry: 'FR', language: 'fr', locale: 'fr-FR', currency: 'EUR', optOuts: new Set(['+33600000001']) };
  // Warm-up on other recipients, so that the figure is the steady state of a long campaign.
  const warmup = createSimulationContext(TEMPLATE, options);
  for (const r of recipients(20000, 99)) simulateRecipient(r, warmup);
  const context = createSimulationContext(TEMPLATE, options);
  const started = process.hrtime.bigint();
  const rows = list.map((r) => simulateRecipient(r, context));
  const csv = toResumeCsv(rows);
  const summary = summarizeSimulation(rows, 'fr');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, summary: summary.text, csvBytes: Buffer.byteLength(csv) };
}

async function naive(list) {
  const { parsePhoneNumberWithError } = await import('libphonenumber-js/max');
  const { SegmentedMessage } = await import('sms-segments-calculator');
  await naivePass(recipients(2000, 99), parsePhoneNumberWithError, SegmentedMessage);
  const started = process.hrtime.bigint();
  const { csv, errors } = await naivePass(list, parsePhoneNumberWithError, SegmentedMessage);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, summary: `${list.length} recipients. ${errors} errors.`, csvBytes: Buffer.byteLength(csv) };
}

async function naivePass(list, parsePhoneNumberWithError, SegmentedMessage) {
  const lines = ['STATUT;DETAIL;NUMERO;SMS'];
  let errors = 0;
  for (const r of list) {
    const values = { ...r.data.recipient, 'parentcustomerid.name': r.data.recipient.parentcustomerid.name, creditlimit: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(r.data.recipient.creditlimit.amount) };
    const text = TEMPLATE.replace(/\[([\w.]+)\]/g, (_, k) => String(values[k] ?? ''));
    const problems = [];
    const length = new SegmentedMessage(text).numberOfCharacters;
    if (length > 489) problems.push('too long');
    let number = r.phone ?? '';
    try {
      const phone = parsePhoneNumberWithError(number, 'FR');
      if (!phone.isValid()) problems.push('invalid');
      number = phone.number;
      if (phone.country === 'FR' && !/STOP au \d{5}|STOP au XXXXX/i.test(text)) problems.push('stop');
    } catch {
      problems.push('invalid');
    }
    if (problems.length) errors++;
    lines.push([problems.length ? 'ECHEC' : 'SUCCES', problems.join(' '), number, text].join(';'));
  }
  return { csv: lines.join('\r\n'), errors };
}

const side = process.argv[2];
if (side === 'ours' || side === 'naive') {
  const list = recipients(COUNT);
  const result = side === 'ours' ? await ours(list) : await naive(list);
  console.log(JSON.stringify({ ...result, peakRssMb: peakRssMb() }));
} else {
  const self = fileURLToPath(import.meta.url);
  const runSide = (name) => {
    const out = spawnSync(process.execPath, [self, name], { encoding: 'utf8', env: process.env });
    if (out.status !== 0) throw new Error(out.stderr);
    return JSON.parse(out.stdout.trim().split('\n').pop());
  };
  const a = runSide('ours');
  const b = runSide('naive');
  const perSecond = Math.round(COUNT / a.seconds);
  const naivePerSecond = Math.round(COUNT / b.seconds);
  report({ bench: 'simulateCampaign', recipients: COUNT, perSecond, unit: 'recipients/s', peakRssMb: a.peakRssMb, summary: a.summary, goal: 200000, met: perSecond >= 200000 });
  report({ bench: 'simulateCampaign.naive', recipients: COUNT, perSecond: naivePerSecond, unit: 'recipients/s', peakRssMb: b.peakRssMb });
  report({ bench: 'simulateCampaign.ratio', vsNaive: Number((perSecond / naivePerSecond).toFixed(1)) });
}
