// Every timer of the sandbox (scheduled sends, list-campaign computation, delivery reports,
// callback retries) goes through here, so that stop() and reset() leave nothing behind.

const MAX_TIMEOUT = 2 ** 31 - 1;

export class Scheduler {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private nextId = 1;

  /** Runs `task` at `when` (ms since the epoch); long waits are chained past setTimeout's limit. */
  at(when: number, task: () => void): number {
    const id = this.nextId++;
    const arm = () => {
      const wait = when - Date.now();
      const timer = setTimeout(() => {
        if (wait > MAX_TIMEOUT) return arm();
        this.timers.delete(id);
        task();
      }, Math.max(0, Math.min(wait, MAX_TIMEOUT)));
      this.timers.set(id, timer);
    };
    arm();
    return id;
  }

  after(delayMs: number, task: () => void): number {
    return this.at(Date.now() + delayMs, task);
  }

  cancel(id: number | undefined): void {
    if (id === undefined) return;
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  get pending(): number {
    return this.timers.size;
  }
}
