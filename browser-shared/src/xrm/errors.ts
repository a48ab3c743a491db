/** What Xrm.WebApi and PCF webAPI reject with: `{ errorCode, message }` (not always an Error). */
export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof (error as { message: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

export function errorCode(error: unknown): number | undefined {
  const code = error && typeof error === 'object' ? (error as { errorCode?: unknown }).errorCode : undefined;
  return typeof code === 'number' ? code : undefined;
}
