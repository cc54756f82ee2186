import { eventStream } from "@/lib/api/sse";
import { allow, defineRoute } from "@/lib/api/route";
import { services } from "@/lib/services";
import { toPublicTrial } from "@/lib/trials/present";
import { isActiveStatus } from "@/lib/trials/statuses";

/** How often the stream looks for a change: a log line written by the runner shows within this. */
const CHECK_MS = 250;

export const { GET, POST, PUT, PATCH, DELETE } = defineRoute<{ id: string }>({
  // GET /api/v1/trial/{id}/events — the trial as Server-Sent Events: `trial` now and at every change, `end` once it has ended
  GET: allow("viewer", ({ req, params }) => {
    const trials = services().trials;
    const first = trials.get(params.id); // 404 before the stream opens
    return eventStream(req.signal, ({ send, close }) => {
      let mark: string | null = null;
      const check = () => {
        const now = trials.changeMark(first.id);
        if (now === null) return close();
        if (now === mark) return;
        mark = now;
        const trial = trials.get(first.id);
        send("trial", toPublicTrial(trial));
        if (!isActiveStatus(trial.status)) {
          send("end", { status: trial.status });
          close();
        }
      };
      check();
      const timer = setInterval(check, CHECK_MS);
      return () => clearInterval(timer);
    });
  }),
});
