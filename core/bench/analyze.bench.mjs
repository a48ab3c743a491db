// analyzeSms against the peer library (sms-segments-calculator, Twilio's calculator) on one corpus.
import { analyzeSms } from '@smsc/core';
import { SegmentedMessage } from 'sms-segments-calculator';
import { smsCorpus, report } from './corpus.mjs';

const corpus = smsCorpus(20000);

function time(fn, rounds) {
  fn(); // warm-up
  const started = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) fn();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

let sink = 0;
const oursSeconds = time(() => {
  for (const text of corpus) sink += analyzeSms(text).segments;
}, 10);
const peerSeconds = time(() => {
  for (const text of corpus) sink += new SegmentedMessage(text).segmentsCount;
}, 2);
const oursPerSecond = (corpus.length * 10) / oursSeconds;
const peerPerSecond = (corpus.length * 2) / peerSeconds;

// Disagreements, each classified by the rule that explains it.
const reasons = new Map();
let disagreements = 0;
for (const text of corpus) {
  const ours = analyzeSms(text);
  const peer = new SegmentedMessage(text);
  if (ours.encoding === peer.encodingName && ours.segments === peer.segmentsCount) continue;
  disagreements++;
  const why = /ç/.test(text)
    ? 'ç: GSM 03.38 code 0x09 is Ç in ETSI and ç in Unicode GSM0338.TXT; we count both as GSM-7 (handsets render it), the peer only Ç'
    : 'unexplained';
  const entry = reasons.get(why) ?? { count: 0, example: text.slice(0, 60), ours: `${ours.encoding}/${ours.segments}`, peer: `${peer.encodingName}/${peer.segmentsCount}` };
  entry.count++;
  reasons.set(why, entry);
}

report({ bench: 'analyzeSms', messages: corpus.length, perSecond: Math.round(oursPerSecond), unit: 'messages/s' });
report({ bench: 'analyzeSms.peer', library: 'sms-segments-calculator', perSecond: Math.round(peerPerSecond), unit: 'messages/s' });
report({ bench: 'analyzeSms.ratio', vsPeer: Number((oursPerSecond / peerPerSecond).toFixed(1)), goal: 5, met: oursPerSecond / peerPerSecond >= 5 });
report({ bench: 'analyzeSms.disagreements', count: disagreements, of: corpus.length, reasons: Object.fromEntries(reasons) });
if (sink < 0) console.log(sink);
