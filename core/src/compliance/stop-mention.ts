/**
 * French marketing SMS must tell the recipient how to opt out: "STOP au 36111"-style, with the
 * operator's 5-digit short code, or the literal "XXXXX" that the provider replaces.
 */
const STOP_MENTION = /\bstop\s+au\s+(?:\d{5}|x{5})(?!\w)/i;

export function hasStopMention(text: string): boolean {
  return STOP_MENTION.test(text);
}

/** Countries where marketing SMS must carry the STOP mention (the provider refuses them otherwise). */
export const STOP_MENTION_COUNTRIES: readonly string[] = ['FR'];
