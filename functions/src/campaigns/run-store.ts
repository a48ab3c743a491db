import { BlobServiceClient, RestError, type ContainerClient } from '@azure/storage-blob';

/**
 * Shared state of campaign runs in Azure Blob Storage, so that any instance can take any step:
 * the run document (changed only with its ETag), recipient pages, chunks and done-markers.
 */
export interface RunStore {
  read<T>(path: string): Promise<{ value: T; etag: string } | null>;
  /** Writes unconditionally (pages, chunks: same input, same content). */
  write(path: string, value: unknown): Promise<void>;
  /** Writes only if the blob still has `etag` (or, with null, does not exist yet); false on conflict. */
  writeIf(path: string, value: unknown, etag: string | null): Promise<boolean>;
  list(prefix: string): Promise<string[]>;
}

export class BlobRunStore implements RunStore {
  private readonly container: ContainerClient;
  private ready: Promise<unknown> | undefined;

  constructor(connectionString: string, containerName = 'smsc-campaign-runs') {
    this.container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  }

  private async ensure(): Promise<void> {
    this.ready ??= this.container.createIfNotExists();
    await this.ready;
  }

  async read<T>(path: string): Promise<{ value: T; etag: string } | null> {
    await this.ensure();
    try {
      const blob = this.container.getBlockBlobClient(path);
      const buffer = await blob.downloadToBuffer();
      const properties = await blob.getProperties();
      return { value: JSON.parse(buffer.toString('utf8')) as T, etag: properties.etag ?? '' };
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return null;
      throw error;
    }
  }

  async write(path: string, value: unknown): Promise<void> {
    await this.ensure();
    const body = JSON.stringify(value);
    await this.container.getBlockBlobClient(path).upload(body, Buffer.byteLength(body), { blobHTTPHeaders: { blobContentType: 'application/json' } });
  }

  async writeIf(path: string, value: unknown, etag: string | null): Promise<boolean> {
    await this.ensure();
    const body = JSON.stringify(value);
    try {
      await this.container.getBlockBlobClient(path).upload(body, Buffer.byteLength(body), {
        blobHTTPHeaders: { blobContentType: 'application/json' },
        conditions: etag === null ? { ifNoneMatch: '*' } : { ifMatch: etag },
      });
      return true;
    } catch (error) {
      if (error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409)) return false;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    await this.ensure();
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix })) names.push(blob.name);
    return names;
  }
}

/**
 * Read-modify-write of one JSON document with optimistic concurrency: `change` returns the new
 * value, or null to leave it. Retries on a concurrent write; returns what is stored in the end.
 */
export async function updateDocument<T>(store: RunStore, path: string, change: (current: T | null) => T | null, attempts = 20): Promise<{ value: T | null; changed: boolean }> {
  for (let i = 0; i < attempts; i++) {
    const current = await store.read<T>(path);
    const next = change(current?.value ?? null);
    if (next === null) return { value: current?.value ?? null, changed: false };
    if (await store.writeIf(path, next, current?.etag ?? null)) return { value: next, changed: true };
  }
  throw new Error(`${path}: too many concurrent changes.`);
}
