/**
 * `npm run soak [-- KILLS]`: the crash soak of the test suite, longer (100 SIGKILLs of the runner by
 * default) against a real `npm start`, with figures: how long a new runner took to hold the lease
 * after each kill, how long each trial took to end after its last kill, the outcomes, and whether
 * the web answered throughout. Exits 1 when any rollback step ran other than exactly once.
 */
import { ensureBuilt, startEris } from "../fixtures/eris-process";
import { soak, startProbe, summarize } from "../fixtures/soak";

const kills = Number(process.argv[2] ?? 100);
ensureBuilt();
const probe = await startProbe();
const eris = await startEris();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    eris.kill();
    process.exit(130);
  });
}
const started = Date.now();
try {
  const report = await soak(eris, probe, kills, [0.1, 4, 9], (line) => console.log(line));
  console.log(
    JSON.stringify(
      {
        kills: report.kills,
        trials: report.trials,
        minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
        takeover_ms: summarize(report.takeoverMs),
        trial_end_after_last_kill_ms: summarize(report.recoveryMs),
        statuses: report.statuses,
        health_checks: report.health,
        problems: report.problems,
      },
      null,
      2,
    ),
  );
  process.exitCode = report.problems.length ? 1 : 0;
} finally {
  eris.kill();
  await probe.close();
}
