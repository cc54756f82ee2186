import { eventStream } from "@/lib/api/sse";
import { allow, defineRoute } from "@/lib/api/route";
import { services } from "@/lib/services";
import { toPublicTrial } from "@/lib/trials/present";
import { isActiveStatus } from "@/lib/trials/statuses";

/** How often the stream looks for a change: a log line written by the runner shows within this. */
const CHECK_MS = 250;

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/trial/{id}/events — the trial as Server-Sent Events: `trial` now and at every change, `end` once it has ended
  GET: allow("viewer", async ({ req, params }) => {
    const trials = services().trials;
    const first = await trials.get(params.id); // 404 before the stream opens
    return eventStream(req.signal, ({ send, close }) => {
      let mark: string | null = null;
      let checking = false;
      let closed = false;
      const check = async () => {
        const now = await trials.changeMark(first.id);
        if (closed) return;
        if (now === null) return close();
        if (now === mark) return;
        mark = now;
        const trial = await trials.get(first.id);
        if (closed) return;
        send("trial", toPublicTrial(trial));
        if (!isActiveStatus(trial.status)) {
          send("end", { status: trial.status });
          close();
        }
      };
      // One check at a time: a slow read is not overtaken by the next tick.
      const tick = () => {
        if (checking || closed) return;
        checking = true;
        check()
          .finally(() => {
            checking = false;
          })
          .catch(() => close()); // gone between two reads (pruned): nothing more to follow
      };
      tick();
      const timer = setInterval(tick, CHECK_MS);
      return () => {
        closed = true;
        clearInterval(timer);
      };
    });
  }),
});
