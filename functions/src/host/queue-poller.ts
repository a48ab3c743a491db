import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import type { InvocationContext } from '@azure/functions';
import type { Registration } from '../registry';

type QueueRegistration = Extract<Registration, { kind: 'queue' }>;

/** What the Functions host does by default: 5 dequeues, then the message goes to "<queue>-poison". */
const MAX_DEQUEUE = 5;
const VISIBILITY_SECONDS = 30;

/**
 * A queue trigger on Azure Storage as the Functions host runs it: base64 messages, JSON-decoded
 * when they are JSON, a visibility timeout while the handler runs, deletion on success, retries by
 * visibility timeout on failure, poison queue after five attempts.
 */
export class QueuePoller {
  private readonly queue: QueueClient;
  private readonly poison: QueueClient;
  private running = false;
  private loop: Promise<void> | undefined;
  private busy = 0;

  constructor(
    connection: string,
    private readonly registration: QueueRegistration,
    private readonly context: (name: string) => InvocationContext,
    private readonly log: (line: string) => void,
    private readonly idleMs: number,
  ) {
    const service = QueueServiceClient.fromConnectionString(connection);
    this.queue = service.getQueueClient(registration.options.queueName);
    this.poison = service.getQueueClient(`${registration.options.queueName}-poison`);
  }

  async start(): Promise<void> {
    await this.queue.createIfNotExists();
    await this.poison.createIfNotExists();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Resolves when the queue has no visible message and nothing is being handled. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const peek = await this.queue.peekMessages({ numberOfMessages: 1 });
      if (peek.peekedMessageItems.length === 0 && this.busy === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`Queue ${this.registration.options.queueName} not drained within ${timeoutMs} ms.`);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        const batch = await this.queue.receiveMessages({ numberOfMessages: 16, visibilityTimeout: VISIBILITY_SECONDS });
        handled = batch.receivedMessageItems.length;
        this.busy += handled;
        await Promise.all(
          batch.receivedMessageItems.map(async (message) => {
            try {
              await this.handle(message.messageText, message.dequeueCount, message.messageId, message.popReceipt);
            } finally {
              this.busy--;
            }
          }),
        );
      } catch (error) {
        this.log(`[${this.registration.name}] queue polling failed: ${String(error)}`);
      }
      if (handled === 0 && this.running) await new Promise((r) => setTimeout(r, this.idleMs));
    }
  }

  private async handle(text: string, dequeueCount: number, id: string, popReceipt: string): Promise<void> {
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    let payload: unknown = decoded;
    try {
      payload = JSON.parse(decoded);
    } catch {
      // not JSON: the handler gets the string, as in Azure
    }
    const ctx = this.context(this.registration.name);
    try {
      await this.registration.options.handler(payload, ctx);
      await this.queue.deleteMessage(id, popReceipt);
    } catch (error) {
      this.log(`[${this.registration.name}] attempt ${dequeueCount} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (dequeueCount >= MAX_DEQUEUE) {
        await this.poison.sendMessage(text);
        await this.queue.deleteMessage(id, popReceipt);
      } else {
        // Visible again after a short delay rather than the full visibility timeout.
        await this.queue.updateMessage(id, popReceipt, undefined, Math.min(2 ** dequeueCount, 10)).catch(() => undefined);
      }
    }
  }
}
