// The database port's transactions, as services rely on them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { onPostgres, SQLITE_ONLY } from "@/e2e/fixtures/database";
import { getDb, migrateDb, openDb } from "./client";
import { signalState } from "./tables";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const reasonOf = async () => (await getDb().select().from(signalState).where(eq(signalState.id, 1)))[0]?.reason ?? null;
const setReason = (reason: string) =>
  getDb()
    .insert(signalState)
    .values({ id: 1, state: "RUN", reason, setBy: "t", setAt: Date.now() })
    .onConflictDoUpdate({ target: signalState.id, set: { reason } });

test("a transaction opened inside another joins it: no deadlock, and it commits or rolls back with it", async () => {
  await setReason("before");
  const outer = getDb().transaction(async (tx) => {
    await tx.update(signalState).set({ reason: "outer" }).where(eq(signalState.id, 1));
    // A service calling another service that opens its own transaction on the process database.
    await getDb().transaction(async (inner) => {
      await inner.update(signalState).set({ reason: "inner" }).where(eq(signalState.id, 1));
    });
    throw new Error("the outer one fails");
  });
  await expect(outer).rejects.toThrow("the outer one fails");
  expect(await reasonOf()).toBe("before");
});

test.skipIf(onPostgres)(
  `a write from elsewhere while a transaction awaits is not part of it (${SQLITE_ONLY})`,
  async () => {
    await setReason("before");
    const failing = getDb().transaction(async (tx) => {
      await tx.update(signalState).set({ reason: "in the transaction" }).where(eq(signalState.id, 1));
      await sleep(100); // another request's write is issued meanwhile
      throw new Error("rolled back");
    });
    await sleep(20);
    await setReason("outside"); // waits for the connection, then commits on its own
    await expect(failing).rejects.toThrow("rolled back");
    expect(await reasonOf()).toBe("outside");
  },
);

test.skipIf(onPostgres)(
  `waiting for another process's write lock does not stop this process (${SQLITE_ONLY})`,
  async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "eris-lock-")), "eris.db");
    const db = openDb(file);
    await migrateDb(db);
    const other = new Database(file);
    other.prepare("begin immediate").run(); // the other process holds the write lock for 300 ms
    setTimeout(() => other.prepare("commit").run(), 300);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    await db.transaction(async (tx) => {
      await tx
        .insert(signalState)
        .values({ id: 1, state: "PAUSE", reason: "after the lock", setBy: "t", setAt: Date.now() });
    });
    clearInterval(ticker);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(ticks).toBeGreaterThan(10); // timers ran while the transaction waited for the lock
    expect((await db.select().from(signalState))[0]?.reason).toBe("after the lock");
    other.close();
    db.$client.close();
  },
);
