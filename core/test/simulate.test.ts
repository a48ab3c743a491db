import { createSimulationContext, simulateRecipient, summarizeSimulation, summaryText, toResumeCsv, type SimulationOptions } from '@smsc/core';

const guideText = 'Bonjour Mr [lastname], votre commande a bien été enregistrée.';
const fr: SimulationOptions = { purpose: 'marketing', defaultCountry: 'FR', language: 'fr', locale: 'fr-FR' };

function run(template: string, recipients: Array<{ name: string; phone: string | null; data?: Record<string, string | null> }>, options = fr) {
  const context = createSimulationContext(template, options);
  return recipients.map((r) => simulateRecipient({ name: r.name, phone: r.phone, data: { recipient: r.data ?? { lastname: r.name } } }, context));
}

describe('campaign simulation: the five checks of the guide', () => {
  test('the guide example: three French recipients, no STOP mention, three errors', () => {
    const rows = run(guideText, [
      { name: 'Smith', phone: '+33649819006' },
      { name: 'Doe', phone: '+33600000002' },
      { name: 'Parker', phone: '+33600000001' },
    ]);
    expect(toResumeCsv(rows)).toBe(
      '\uFEFFSTATUT;DETAIL;NUMERO;SMS\r\n' +
        "ECHEC;La mention 'STOP au XXXXX' doit être présente.;+33649819006;Bonjour Mr Smith, votre commande a bien été enregistrée.\r\n" +
        "ECHEC;La mention 'STOP au XXXXX' doit être présente.;+33600000002;Bonjour Mr Doe, votre commande a bien été enregistrée.\r\n" +
        "ECHEC;La mention 'STOP au XXXXX' doit être présente.;+33600000001;Bonjour Mr Parker, votre commande a bien été enregistrée.\r\n",
    );
    expect(summarizeSimulation(rows, 'fr').text).toBe('3 destinataires. 3 erreurs.');
    expect(summarizeSimulation(rows, 'en').text).toBe('3 recipients. 3 errors.');
  });

  test.each([
    ['STOP au XXXXX', true],
    ['stop au 36111', true],
    ['Stop Au 30101', true],
    ['STOP\u00a0au 30101', true],
    ['STOP au 3010', false],
    ['STOP au 301011', false],
    ['STOP au XXXX', false],
    ['STOP 30101', false],
    ['STOPau 30101', false],
  ])('STOP mention %p accepted: %p', (mention, accepted) => {
    const [row] = run(`Promo -20% ${mention}`, [{ name: 'A', phone: '0649819006' }]);
    expect(row?.status).toBe(accepted ? 'SUCCES' : 'ECHEC');
  });

  test('the STOP mention is required for French numbers on marketing SMS only', () => {
    const text = 'Votre colis arrive demain.';
    expect(run(text, [{ name: 'UK', phone: '+447400123456' }])[0]?.status).toBe('SUCCES');
    expect(run(text, [{ name: 'FR', phone: '0033649819006' }], { ...fr, purpose: 'transactional' })[0]?.status).toBe('SUCCES');
    expect(run(text, [{ name: 'FR', phone: '0033649819006' }])[0]?.issues.map((i) => i.code)).toEqual(['stop_mention']);
  });

  test('an empty message fails', () => {
    const [row] = run('   ', [{ name: 'A', phone: '+447400123456' }]);
    expect(row).toMatchObject({ status: 'ECHEC', detail: 'Le message est vide.' });
  });

  test('489 characters after merge pass, 490 fail, counted as a user sees them', () => {
    const ok = run('[lastname]', [{ name: 'A', phone: '+447400123456', data: { lastname: 'a'.repeat(489) } }]);
    expect(ok[0]?.status).toBe('SUCCES');
    const tooLong = run('[lastname]', [{ name: 'A', phone: '+447400123456', data: { lastname: 'a'.repeat(490) } }]);
    expect(tooLong[0]?.detail).toBe('Le message compte 490 caractères après fusion ; le maximum est 489.');
    const emoji = run('[lastname]', [{ name: 'A', phone: '+447400123456', data: { lastname: '👍'.repeat(489) } }]);
    expect(emoji[0]?.status).toBe('SUCCES');
  });

  test('a missing number names the recipient', () => {
    const [row] = run('Hello', [{ name: 'David Smith', phone: null }], { ...fr, language: 'en' });
    expect(row).toMatchObject({ status: 'ECHEC', detail: 'No mobile number for David Smith.', number: '' });
  });

  test('a number that cannot be made international fails and keeps the stored value', () => {
    const [row] = run('Hello STOP au XXXXX', [{ name: 'A', phone: '12 34' }]);
    expect(row).toMatchObject({ status: 'ECHEC', number: '12 34' });
    expect(row?.issues[0]?.code).toBe('invalid_number');
    const [noDefault] = run('Hello', [{ name: 'A', phone: '0649819006' }], { ...fr, defaultCountry: null });
    expect(noDefault?.issues[0]?.code).toBe('invalid_number');
  });

  test('national numbers are normalised with the default country', () => {
    const [row] = run('Hello STOP au XXXXX', [{ name: 'A', phone: '06 49 81 90 06' }]);
    expect(row).toMatchObject({ status: 'SUCCES', number: '+33649819006', detail: '' });
  });

  test('a landline cannot receive SMS', () => {
    const [row] = run('Hello STOP au XXXXX', [{ name: 'A', phone: '01 23 45 67 89' }]);
    expect(row?.issues.map((i) => i.code)).toEqual(['not_mobile']);
  });

  test('an unknown merge field fails the recipient', () => {
    const [row] = run('Bonjour [nickname] STOP au XXXXX', [{ name: 'A', phone: '0649819006' }]);
    expect(row).toMatchObject({ status: 'ECHEC', outcome: 'error', detail: 'Champ de fusion inconnu [nickname].' });
  });

  test('several failures are all reported', () => {
    const [row] = run('[nickname]', [{ name: 'A', phone: null }]);
    expect(row?.issues.map((i) => i.code)).toEqual(['missing_field', 'no_number']);
  });
});

describe('opt-outs and duplicates', () => {
  test('opted-out numbers are skipped for marketing, sent for transactional', () => {
    const optOuts = new Set(['+33649819006']);
    const marketing = run('Promo STOP au XXXXX', [{ name: 'A', phone: '06 49 81 90 06' }], { ...fr, optOuts });
    expect(marketing[0]).toMatchObject({ status: 'ECHEC', outcome: 'skipped' });
    expect(marketing[0]?.detail).toBe("Le numéro +33649819006 s'est désinscrit (STOP) : non envoyé.");
    const transactional = run('Votre code : 1234', [{ name: 'A', phone: '06 49 81 90 06' }], { ...fr, purpose: 'transactional', optOuts });
    expect(transactional[0]).toMatchObject({ status: 'SUCCES' });
  });

  test('a number shared by several recipients is sent once, the others are reported', () => {
    const rows = run('Promo STOP au XXXXX', [
      { name: 'Alice', phone: '06 49 81 90 06' },
      { name: 'Bob', phone: '+33649819006' },
      { name: 'Carol', phone: '0033649819006' },
      { name: 'Dan', phone: '0600000001' },
    ]);
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'skipped', 'skipped', 'ok']);
    expect(rows[1]?.detail).toBe('Numéro en double +33649819006 : déjà envoyé à Alice.');
    expect(summarizeSimulation(rows, 'fr')).toMatchObject({ recipients: 4, ok: 2, errors: 0, skipped: 2, text: '4 destinataires. 0 erreur. 2 ignorés.' });
  });
});

describe('summary wording', () => {
  test.each([
    [1, 0, 0, 'en', '1 recipient. 0 errors.'],
    [1, 1, 0, 'en', '1 recipient. 1 error.'],
    [1, 0, 0, 'fr', '1 destinataire. 0 erreur.'],
    [2, 2, 0, 'fr', '2 destinataires. 2 erreurs.'],
    [5, 1, 1, 'en', '5 recipients. 1 error. 1 skipped.'],
  ] as const)('%i recipients, %i errors, %i skipped (%s)', (recipients, errors, skipped, language, text) => {
    expect(summaryText({ recipients, errors, skipped }, language)).toBe(text);
  });
});
