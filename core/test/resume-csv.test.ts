import { toResumeCsv, csvField } from '@smsc/core';

describe('resume.csv', () => {
  test('starts with a UTF-8 byte order mark and the guide header', () => {
    const csv = toResumeCsv([]);
    expect(csv).toBe('\uFEFFSTATUT;DETAIL;NUMERO;SMS\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+33649819006', '+33649819006'],
    ['-20% ce week-end', '-20% ce week-end'],
    ['', ''],
  ])('field %p → %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('one row per recipient, quoted where needed', () => {
    const csv = toResumeCsv([
      { status: 'SUCCES', detail: '', number: '+33649819006', text: 'Hello; "friend"\nbye' },
      { status: 'ECHEC', detail: 'No mobile number for A.', number: '', text: 'Hi' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFSTATUT;DETAIL;NUMERO;SMS',
      'SUCCES;;+33649819006;"Hello; ""friend""\nbye"',
      'ECHEC;No mobile number for A.;;Hi',
      '',
    ]);
  });
});
