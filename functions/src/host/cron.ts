/**
 * NCRONTAB as Azure Functions timers use it: six fields, "second minute hour day month weekday",
 * each `*`, a number, a list, a range or a step (e.g. "0 *\/5 * * * *").
 */
export interface Cron {
  matches(date: Date): boolean;
  /** The next matching second strictly after `from` (searched within one year). */
  next(from: Date): Date;
}

const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];

function field(expression: string, [min, max]: [number, number]): Set<number> {
  const values = new Set<number>();
  for (const part of expression.split(',')) {
    const [rangePart, stepPart] = part.split('/') as [string, string | undefined];
    const step = stepPart ? Number(stepPart) : 1;
    let [from, to] = [min, max];
    if (rangePart !== '*') {
      const [a, b] = rangePart.split('-');
      from = Number(a);
      to = b !== undefined ? Number(b) : stepPart ? max : from;
    }
    if (![from, to, step].every(Number.isInteger) || step <= 0 || from < min || to > max) throw new RangeError(`Cron field "${expression}" is out of range ${min}-${max}.`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

export function parseCron(expression: string): Cron {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) throw new RangeError(`Cron "${expression}" must have six fields (second minute hour day month weekday).`);
  const sets = parts.map((p, i) => field(p, RANGES[i] as [number, number]));
  const matches = (d: Date) =>
    sets[0]!.has(d.getUTCSeconds()) && sets[1]!.has(d.getUTCMinutes()) && sets[2]!.has(d.getUTCHours()) && sets[3]!.has(d.getUTCDate()) && sets[4]!.has(d.getUTCMonth() + 1) && sets[5]!.has(d.getUTCDay());
  return {
    matches,
    next(from) {
      let t = Math.floor(from.getTime() / 1000) * 1000 + 1000;
      const limit = t + 366 * 24 * 3600 * 1000;
      while (t < limit) {
        const d = new Date(t);
        if (matches(d)) return d;
        t += 1000;
      }
      throw new RangeError(`Cron "${expression}" never matches.`);
    },
  };
}
