// Deterministic synthetic data shared by the core benchmarks (a seeded PRNG, no randomness between runs).
export function prng(seed = 42) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['David', 'Anne', 'Élodie', 'Jean-François', 'Chloé', 'Noah', 'Zoë', 'Maëlle', 'Yossi', 'Oliver', 'Amélie', 'Loïc', 'Søren', 'Ève'];
const LAST = ['Smith', 'Dupont', 'Lefèvre', 'Martin', 'Bernard', "O'Brien", 'Cohen', 'Moreau', 'Giraud', 'Lévy', 'Ng', 'Müller'];
const COMPANIES = ['Contoso', 'Fabrikam', 'Boulangerie Dupont & Fils', 'Café de la Gare', 'Tailspin Toys', 'Northwind'];

const SNIPPETS = [
  'Bonjour [firstname] [lastname], votre commande a bien été enregistrée.',
  'Bonjour [firstname], -20% sur toute la boutique ce week-end chez [parentcustomerid.name] ! STOP au XXXXX',
  'Hi [firstname], your appointment is confirmed for tomorrow 10:00. Reply YES to confirm.',
  'Votre code de vérification est 482913. Il expire dans 10 minutes.',
  "Cher [firstname], l'équipe [parentcustomerid.name] vous souhaite une belle fête ! 🎉 STOP au 36111",
  'Livraison prévue aujourd’hui entre 14 h et 16 h. Suivi : https://ex.am/ple/{track}',
  'Rappel : votre facture n° [invoice] de 149,90 € arrive à échéance le 30/11. Merci !',
  'Soldes d’hiver « jusqu’à -50 % » dès mercredi… STOP au XXXXX',
  'שלום [firstname], ההזמנה שלך נשלחה.',
  'Offre spéciale [firstname] : {code} [20%] ~ valable jusqu\'au 31/12 | STOP au 30101',
];

export function smsCorpus(size, seed = 7) {
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const texts = [];
  for (let i = 0; i < size; i++) {
    const parts = 1 + Math.floor(rnd() * 4);
    let text = '';
    for (let p = 0; p < parts; p++) text += (p ? ' ' : '') + pick(SNIPPETS);
    text = text.replace(/\[firstname\]/g, pick(FIRST)).replace(/\[lastname\]/g, pick(LAST)).replace(/\[parentcustomerid\.name\]/g, pick(COMPANIES));
    texts.push(text);
  }
  return texts;
}

function frenchMobile(rnd) {
  const digits = String(Math.floor(rnd() * 1e8)).padStart(8, '0');
  const lead = rnd() < 0.8 ? '6' : '7' + String(3 + Math.floor(rnd() * 6));
  const national = ('0' + lead + digits).slice(0, 10);
  const style = rnd();
  if (style < 0.5) return national.replace(/(\d{2})(?=\d)/g, '$1 ');
  if (style < 0.75) return '+33' + national.slice(1);
  if (style < 0.9) return '0033' + national.slice(1);
  return national.replace(/(\d{2})(?=\d)/g, '$1.');
}

/** Recipients as a campaign reads them: mostly French mobiles, some foreign, some broken. */
export function recipients(size, seed = 11) {
  const rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const list = [];
  for (let i = 0; i < size; i++) {
    const r = rnd();
    const phone =
      r < 0.85 ? frenchMobile(rnd) : r < 0.9 ? '+44 7400 ' + String(100000 + Math.floor(rnd() * 899999)) : r < 0.93 ? '+972 50-' + String(1000000 + Math.floor(rnd() * 8999999)) : r < 0.97 ? null : '12 34';
    list.push({
      id: `c${i}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      phone,
      data: {
        recipient: {
          firstname: pick(FIRST),
          lastname: pick(LAST),
          parentcustomerid: { kind: 'lookup', id: 'a', entity: 'account', name: pick(COMPANIES), record: { name: pick(COMPANIES) } },
          creditlimit: { kind: 'money', amount: Math.round(rnd() * 100000) / 100 },
        },
      },
    });
  }
  return list;
}

export function report(fields) {
  console.log(JSON.stringify(fields));
}

export function peakRssMb() {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
