// At most N tasks at a time, the rest waiting in order: a campaign of 100,000 messages must not
// open 100,000 connections to the callback receiver at once.
export class Limiter {
  private running = 0;
  private waiting: (() => Promise<void>)[] = [];

  constructor(private readonly limit: () => number) {}

  run(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.next();
  }

  /** Forgets waiting tasks (running ones finish on their own). */
  clear(): void {
    this.waiting = [];
  }

  private next(): void {
    while (this.running < Math.max(1, this.limit()) && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running++;
      void task().finally(() => {
        this.running--;
        this.next();
      });
    }
  }
}
