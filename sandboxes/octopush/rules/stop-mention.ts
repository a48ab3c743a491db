// Octopush's STOP rule for French marketing SMS: the text must carry the opt-out mention, case
// sensitive ("STOP au XXXXX", old error 121; v1 answers 400 code 121 citing "STOP au 30101").

export interface StopMentionRule {
  /** Mentions that satisfy the rule. */
  accepted: string[];
  caseSensitive: boolean;
  /** Recipient countries the rule applies to (France and its overseas departments). */
  countries: string[];
  /** Message types the rule applies to, for purpose `wholesale` (marketing). */
  types: string[];
}

export function needsStopMention(rule: StopMentionRule, purpose: string, type: string, countries: Iterable<string>): boolean {
  if (purpose !== 'wholesale' || !rule.types.includes(type)) return false;
  for (const country of countries) if (rule.countries.includes(country)) return true;
  return false;
}

export function hasStopMention(rule: StopMentionRule, text: string): boolean {
  const haystack = rule.caseSensitive ? text : text.toLowerCase();
  return rule.accepted.some((m) => haystack.includes(rule.caseSensitive ? m : m.toLowerCase()));
}
