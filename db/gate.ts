/**
 * One SQLite connection per process serves every request, so a transaction that awaits would let
 * other requests' statements run inside it (and be rolled back with it). The gate makes the
 * connection belong to one transaction at a time: a transaction holds it from BEGIN to COMMIT, and
 * any statement issued outside that transaction's async context waits until it is released.
 * PostgreSQL needs no gate (each transaction has its own pooled connection) but shares the rule
 * that a transaction started inside another one becomes a savepoint of it instead of a deadlock.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export type Holder = { tx?: unknown };

export class Gate {
  private readonly context = new AsyncLocalStorage<Holder>();
  private owner: Holder | undefined;
  private released: Promise<void> = Promise.resolve();
  private release: () => void = () => {};

  /** The transaction whose async context the caller is in, if any. */
  current(): Holder | undefined {
    return this.context.getStore();
  }

  /** Resolves when the caller may use the connection: it holds the gate, or nobody does. */
  async pass(): Promise<void> {
    while (this.owner && this.context.getStore() !== this.owner) await this.released;
  }

  /** Runs `body` holding the gate; statements in its async context pass, all others wait. */
  async hold<T>(holder: Holder, body: () => Promise<T>): Promise<T> {
    while (this.owner) await this.released;
    this.owner = holder;
    this.released = new Promise((resolve) => {
      this.release = resolve;
    });
    try {
      return await this.context.run(holder, body);
    } finally {
      this.owner = undefined;
      this.release();
    }
  }

  /** Runs `body` in `holder`'s context without the gate (PostgreSQL: the pool isolates it). */
  within<T>(holder: Holder, body: () => Promise<T>): Promise<T> {
    return this.context.run(holder, body);
  }
}
