/** The Prefer header preferences the Web API honours (compose-http-requests-handle-errors). */
export interface Preferences {
  returnRepresentation: boolean;
  includeAnnotations: string[];
  maxPageSize?: number;
  continueOnError: boolean;
}

export function parsePrefer(header: string | undefined): Preferences {
  const result: Preferences = { returnRepresentation: false, includeAnnotations: [], continueOnError: false };
  if (!header) return result;
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else current += c;
  }
  items.push(current.trim());
  for (const item of items) {
    const [name, ...rest] = item.split('=');
    const value = rest.join('=').replace(/^"|"$/g, '');
    switch ((name ?? '').trim().toLowerCase()) {
      case 'return':
        result.returnRepresentation = value === 'representation';
        break;
      case 'odata.include-annotations':
        result.includeAnnotations = value.split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case 'odata.maxpagesize':
        result.maxPageSize = Number(value);
        break;
      case 'odata.continue-on-error':
        result.continueOnError = true;
        break;
    }
  }
  return result;
}
