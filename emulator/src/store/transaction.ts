import { Store } from './store';

let counter = 0;

/**
 * Runs async work inside a SAVEPOINT (a transaction when outermost): committed if it resolves,
 * rolled back if it throws. Callers hold Engine.exclusive so no other writer interleaves.
 */
export async function inTransaction<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const name = `sp${++counter}`;
  store.db.exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    store.db.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    store.db.exec(`ROLLBACK TO ${name}`);
    store.db.exec(`RELEASE ${name}`);
    throw error;
  }
}
