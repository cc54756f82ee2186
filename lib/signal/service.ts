/**
 * The global switch (Krkn's RUN/PAUSE/STOP). PAUSE: the runner finishes the running step, then
 * holds before the next step or trial until RUN. STOP: the running trial is stopped inside its
 * step (post_steps run), queued trials are stopped without starting, and schedule firings while
 * STOP holds are recorded as Skipped.
 */
import { eq } from "drizzle-orm";
import type { Conn, DB } from "@/db/client";
import { type SignalState, signalState } from "@/db/tables";
import { isoTime } from "@/lib/api/time";
import { recordAudit } from "@/lib/audit/service";
import { stopBeforeStart } from "@/lib/trials/transitions";
import type { SetSignalInput, SignalOut } from "./schemas";

const ROW = 1;

export type Signal = { state: SignalState; reason: string; setBy: string; setAt: number | null };

export async function readSignal(db: Conn): Promise<Signal> {
  const [row] = await db.select().from(signalState).where(eq(signalState.id, ROW)).limit(1);
  return row ?? { state: "RUN", reason: "", setBy: "default", setAt: null };
}

/** How a STOP reads in trial reasons and logs. */
export const describeStop = (s: Signal) => `global STOP by ${s.setBy}${s.reason ? `: ${s.reason}` : ""}`;

export function setSignal(db: DB, input: SetSignalInput, actor: string): Promise<Signal> {
  return db.transaction(async (tx) => {
    const now = Date.now();
    const previous = await readSignal(tx);
    const values = { state: input.state, reason: input.reason, setBy: actor, setAt: now };
    await tx
      .insert(signalState)
      .values({ id: ROW, ...values })
      .onConflictDoUpdate({ target: signalState.id, set: values });
    if (input.state === "STOP") {
      const why = describeStop(values);
      await stopBeforeStart(
        tx,
        { all: true },
        { reason: why, by: actor, line: `Trial Stopped before it started: ${why}.`, now },
      );
    }
    await recordAudit(tx, {
      actor,
      action: "signal.set",
      targetType: "signal",
      before: { state: previous.state, reason: previous.reason },
      after: { state: values.state, reason: values.reason },
    });
    return values;
  });
}

export function toPublicSignal(s: Signal): SignalOut {
  return { state: s.state, reason: s.reason, set_by: s.setBy, set_at: isoTime(s.setAt) };
}
