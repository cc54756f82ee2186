/**
 * The /metrics answer: the stored counters and histograms (lib/metrics/record.ts), gauges read from
 * the database at scrape time (queue, runner lease, signal), and this web process's HTTP metrics.
 * Everything but the HTTP metrics comes from the database, so any process serving it says the same.
 */
import { Registry } from "prom-client";
import type { DB } from "@/db/client";
import { ExperimentRepo } from "@/lib/experiments/repo";
import { runnerStatus } from "@/lib/runner/status";
import { readSignal } from "@/lib/signal/service";
import { TrialRepo } from "@/lib/trials/repo";
import { SIGNAL_STATES } from "@/db/schema";
import { STORED_METRICS, type StoredMetric } from "./catalogue";
import { httpMetrics } from "./http";
import { allSeries } from "./repo";

type Sample = { metricName?: string; labels: Record<string, string | number>; value: number };
type Collected = { name: string; help: string; type: string; values: Sample[] };

/** A metric object as prom-client's registry prints it (name, help, type, samples). */
const fixed = (m: Collected) => ({ ...m, get: async () => m, reset: () => {}, aggregator: "first" });

async function storedMetrics(db: DB): Promise<Collected[]> {
  const names = await new ExperimentRepo(db).namesById();
  const byMetric = new Map<string, Sample[]>();
  const owner = (series: string): StoredMetric | undefined =>
    STORED_METRICS.find((m) => series === m.name || series.startsWith(`${m.name}_`));
  for (const row of await allSeries(db)) {
    const m = owner(row.name);
    if (!m) continue;
    const labels = JSON.parse(row.labels) as Record<string, string>;
    // Series are kept by experiment id; the name is looked up now, so a rename shows at once.
    if (labels.experiment_id) labels.experiment = names.get(labels.experiment_id) ?? "";
    const samples = byMetric.get(m.name) ?? [];
    samples.push({ metricName: row.name, labels, value: row.value });
    byMetric.set(m.name, samples);
  }
  return STORED_METRICS.map((m) => ({ name: m.name, help: m.help, type: m.type, values: byMetric.get(m.name) ?? [] }));
}

async function liveGauges(db: DB, now: number): Promise<Collected[]> {
  const queue = await new TrialRepo(db).activeCounts(now);
  const runner = await runnerStatus(db, now);
  const signal = (await readSignal(db)).state;
  const gauge = (name: string, help: string, values: Sample[]): Collected => ({ name, help, type: "gauge", values });
  return [
    gauge("eris_trials_queued", "Queued trials: due now and waiting for the runner (when=due), or due later.", [
      { labels: { when: "due" }, value: queue.due },
      { labels: { when: "later" }, value: queue.later },
    ]),
    gauge("eris_trials_running", "Trials in progress (or stopping).", [{ labels: {}, value: queue.running }]),
    gauge("eris_runner_lease_held", "1 when a runner holds the lease (its heartbeat has not expired).", [
      { labels: {}, value: runner.active ? 1 : 0 },
    ]),
    gauge(
      "eris_runner_heartbeat_age_seconds",
      "Seconds since the lease holder's last heartbeat (absent before any runner started).",
      runner.heartbeat_age_ms === null ? [] : [{ labels: {}, value: runner.heartbeat_age_ms / 1000 }],
    ),
    {
      name: "eris_runner_restarts_total",
      help: "Times the supervisor restarted the runner since Eris started.",
      type: "counter",
      values: [{ labels: {}, value: runner.restarts }],
    },
    gauge(
      "eris_signal_state",
      "The global signal: 1 for the state in force (RUN, PAUSE or STOP).",
      SIGNAL_STATES.map((s) => ({ labels: { state: s }, value: s === signal ? 1 : 0 })),
    ),
  ];
}

export async function metricsText(db: DB, now = Date.now()): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  for (const m of [...(await storedMetrics(db)), ...(await liveGauges(db, now))]) {
    registry.registerMetric(fixed(m) as unknown as Parameters<Registry["registerMetric"]>[0]);
  }
  const merged = Registry.merge([registry, httpMetrics().registry]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
