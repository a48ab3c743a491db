/** The guide's simulation report: `STATUT;DETAIL;NUMERO;SMS`, one row per recipient. */
export const RESUME_CSV_HEADER = ['STATUT', 'DETAIL', 'NUMERO', 'SMS'] as const;

export interface ResumeCsvRow {
  status: 'SUCCES' | 'ECHEC';
  detail: string;
  number: string;
  text: string;
}

const NEEDS_QUOTES = /[;"\r\n]/;
/** Spreadsheet formula triggers; '+' and '-' are left alone (phone numbers, "-20 %" offers). */
const FORMULA_START = /^[=@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return fields.map(csvField).join(';');
}

/**
 * The report as text: UTF-8 byte order mark first so that Excel reads accents right, semicolons
 * as French Excel expects, CRLF line ends, quotes where a field holds ; " or a line break.
 */
export function toResumeCsv(rows: Iterable<ResumeCsvRow>): string {
  const lines = [csvLine(RESUME_CSV_HEADER)];
  for (const row of rows) lines.push(csvLine([row.status, row.detail, row.number, row.text]));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
