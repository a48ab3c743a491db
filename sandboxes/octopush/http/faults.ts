// Fault injection: per endpoint and method, a rate (seeded) or the next N requests; a status, a
// slow answer, no answer at all or a dropped connection; before the request is processed, or
// after it (the work is done but the client never learns it).
import type { FaultRule } from '../options';
import type { Runtime } from '../runtime';
import { MESSAGES } from '../api/errors';

export function pickFault(rt: Runtime, method: string, route: string): FaultRule | undefined {
  for (const rule of rt.config.faults) {
    if (!matches(rule, method, route)) continue;
    if (rule.count !== undefined) {
      if (rule.count <= 0) continue;
      rule.count--;
      return rule;
    }
    if (rule.rate !== undefined) {
      if (rt.random() < rule.rate) return rule;
      continue;
    }
    return rule;
  }
  return undefined;
}

/** A rule that changes the answer (rather than only slowing it down). */
export const breaksAnswer = (rule: FaultRule | undefined): rule is FaultRule =>
  rule !== undefined && (rule.status !== undefined || rule.hang === true || rule.drop === true);

export function faultBody(rule: FaultRule): unknown {
  if (rule.body !== undefined) return rule.body;
  const status = rule.status ?? 500;
  if (status >= 500) return { code: 500, message: MESSAGES[500] };
  if (status === 429) return { code: 429, message: 'Too many requests.' };
  return { code: status, message: 'Injected fault.' };
}

function matches(rule: FaultRule, method: string, route: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (!rule.path || rule.path === '*') return true;
  const wanted = rule.path.replace(/^\/?v1\/public/, '').replace(/^\/?/, '/').replace(/\?.*$/, '');
  return wanted === route;
}
