// The sandbox's moving parts in one place: configuration, memory, timers and the random source.
import { configFrom, merge, validateConfig, type ConfigPatch, type SandboxConfig, type SandboxOptions } from './options';
import { seededRandom } from './state/random';
import { Limiter } from './state/limiter';
import { Scheduler } from './state/scheduler';
import { Store } from './state/store';
import { toUnits } from './state/money';

export class Runtime {
  config: SandboxConfig;
  readonly store: Store;
  readonly scheduler = new Scheduler();
  /** Callback POSTs in flight at once (callbacks.concurrency). */
  readonly callbackLimiter = new Limiter(() => this.config.callbacks.concurrency);
  random: () => number;
  /** Aborted on stop and reset, so that no callback outlives them. */
  abort = new AbortController();
  private readonly initial: SandboxConfig;

  constructor(options: SandboxOptions) {
    this.initial = configFrom(options);
    this.config = structuredClone(this.initial);
    this.store = new Store(this.config);
    this.random = randomFor(this.config.seed);
  }

  now(): number {
    return Date.now();
  }

  reset(): void {
    this.scheduler.cancelAll();
    this.callbackLimiter.clear();
    this.abort.abort();
    this.abort = new AbortController();
    this.config = structuredClone(this.initial);
    this.store.reset(this.config);
    this.random = randomFor(this.config.seed);
  }

  /** Applies a run-time change; `credit` sets balances (a number: the first account's). */
  configure(patch: ConfigPatch): SandboxConfig {
    const { credit, ...rest } = patch;
    const next = merge(this.config, rest);
    validateConfig(next);
    const seedChanged = next.seed !== this.config.seed;
    this.config = next;
    if (seedChanged) this.random = randomFor(next.seed);
    if (rest.accounts) this.store.syncAccounts(next.accounts, next.blacklist);
    if (rest.blacklist) for (const account of this.store.accounts.values()) rest.blacklist.forEach((n) => account.blacklist.add(n));
    if (credit !== undefined) this.setCredit(credit);
    return this.config;
  }

  private setCredit(credit: number | Record<string, number>): void {
    const entries: [string, number][] = typeof credit === 'number' ? [[this.config.accounts[0]!.login, credit]] : Object.entries(credit);
    for (const [login, euros] of entries) {
      const account = this.store.accounts.get(login);
      if (!account) throw new Error(`credit: no account ${login}`);
      if (typeof euros !== 'number' || !Number.isFinite(euros)) throw new Error(`credit: ${login} needs a number of euros`);
      account.balance = toUnits(euros);
    }
  }

  stop(): void {
    this.scheduler.cancelAll();
    this.callbackLimiter.clear();
    this.abort.abort();
  }
}

function randomFor(seed: number | undefined): () => number {
  return seededRandom(seed ?? Math.floor(Math.random() * 2 ** 32));
}
