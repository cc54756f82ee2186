// The lease's clock: on PostgreSQL, the database server's (one clock for every host); on SQLite,
// the host's (every process is on it). A host whose clock runs an hour ahead tries to take a live lease.
import { afterEach, expect, test, vi } from "vitest";
import { getDb } from "@/db/client";
import { onPostgres } from "@/e2e/fixtures/database";
import { DatabaseLease } from "./lease";

afterEach(() => vi.restoreAllMocks());

test("a runner whose clock runs an hour ahead takes a live lease only where its clock is the one that counts", async () => {
  const live = new DatabaseLease(getDb(), "host-a:1", { ttlMs: 60_000 });
  expect(await live.tryAcquire()).toEqual({ holder: "host-a:1", epoch: 1 });

  const realNow = Date.now();
  vi.spyOn(Date, "now").mockReturnValue(realNow + 3_600_000);
  const ahead = new DatabaseLease(getDb(), "host-b:2", { ttlMs: 60_000 });
  const grant = await ahead.tryAcquire();
  if (onPostgres) {
    // The server's clock says the lease has 60 s left: the skewed host waits, the holder keeps it.
    expect(grant).toBeNull();
    vi.restoreAllMocks();
    expect(await live.heartbeat()).toBe(true);
  } else {
    // One host, one clock: an hour later by it, the lease has expired.
    expect(grant).toEqual({ holder: "host-b:2", epoch: 2 });
  }
});
