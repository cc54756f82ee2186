// `prom` against a real Prometheus (/usr/bin/prometheus) scraping a target whose values we set.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type Metric, type PrometheusFixture, prometheusSkipReason, startPrometheus } from "@/e2e/fixtures/prometheus";
import { type ActionContext, FailedAction } from "../types";
import { mean, prom } from "./index";

const ctx: ActionContext = {
  signal: new AbortController().signal,
  log: () => {},
  credential: null,
  credentialHandlers: {},
};

type Vector = {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
};
type Matrix = {
  data: { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] };
};
type Scalar = { data: { resultType: string; result: [number, string] } };

// performance.now, not Date: one test freezes Date, and the counters must keep rising meanwhile.
const started = performance.now();
let scrape = 0;
// What the target serves; `scrape` counts the answers, so the wave really changes over time.
const metrics = (): Metric[] => {
  scrape++;
  const elapsed = (performance.now() - started) / 1000;
  return [
    { name: "eris_test_constant", type: "gauge", series: [{ labels: { service: "checkout" }, value: 42 }] },
    {
      name: "eris_test_spread",
      type: "gauge",
      series: [1, 2, 4, 8].map((value, i) => ({ labels: { i: `${i}` }, value })),
    },
    { name: "eris_test_wave", type: "gauge", series: [{ value: 1 + (scrape % 5) }] },
    { name: "eris_test_scrapes_total", type: "counter", series: [{ value: scrape }] },
    {
      name: "node_cpu_seconds_total",
      type: "counter",
      // One CPU, idle a quarter of the time.
      series: [
        { labels: { cpu: "0", mode: "idle" }, value: 0.25 * elapsed },
        { labels: { cpu: "0", mode: "user" }, value: 0.75 * elapsed },
      ],
    },
  ];
};

const skip = prometheusSkipReason();
// The default reporter hides skipped tests' names, so say why out loud.
if (skip) console.warn(`prom: real-Prometheus tests skipped: ${skip}`);
let server: PrometheusFixture;
let base: string;

function call<T = unknown>(name: string, args: Record<string, unknown>): Promise<T> {
  const action = prom.actions[name];
  return action.run(action.args.parse({ base_url: base, ...args }), ctx) as Promise<T>;
}

describe.skipIf(skip !== null)(skip ? `real Prometheus: SKIPPED, ${skip}` : "real Prometheus", () => {
  beforeAll(async () => {
    server = await startPrometheus(metrics);
    base = server.baseUrl;
    // Prometheus 2.42 hands new targets to the scraper only every 5 s, so readiness takes ~5 s;
    // then a few more seconds of history so range queries and rate() have several points.
    while (server.scrapes() < 6) await new Promise((resolve) => setTimeout(resolve, 100));
  }, 60_000);
  afterAll(() => server?.stop(), 15_000);

  test("an instant vector comes back raw, labels and string values included", async () => {
    const res = await call<Vector>("query", { query: "eris_test_constant" });
    expect(res.status).toBe("success");
    expect(res.data.resultType).toBe("vector");
    expect(res.data.result).toHaveLength(1);
    expect(res.data.result[0].metric).toMatchObject({ __name__: "eris_test_constant", service: "checkout" });
    expect(res.data.result[0].value[1]).toBe("42");
    expect(Math.abs(res.data.result[0].value[0] - Date.now() / 1000)).toBeLessThan(2);
  });

  test("a scalar expression", async () => {
    const res = await call<Scalar>("query", { query: "1 + 1" });
    expect(res.data.resultType).toBe("scalar");
    expect(res.data.result[1]).toBe("2");
  });

  test('when: "5 seconds ago" and an ISO time set the evaluation time', async () => {
    const relative = await call<Scalar>("query", { query: "time()", when: "5 seconds ago" });
    expect(Math.abs(relative.data.result[0] - (Date.now() / 1000 - 5))).toBeLessThan(1);
    const iso = new Date(Date.now() - 3000).toISOString();
    const absolute = await call<Scalar>("query", { query: "time()", when: iso });
    expect(absolute.data.result[0]).toBe(Date.parse(iso) / 1000);
    expect(Number(absolute.data.result[1])).toBe(Date.parse(iso) / 1000);
    // Past evaluation sees past data: the counter was lower 3 s ago.
    const then = await call<Vector>("query", { query: "eris_test_scrapes_total", when: iso });
    const current = await call<Vector>("query", { query: "eris_test_scrapes_total" });
    expect(Number(then.data.result[0].value[1])).toBeLessThan(Number(current.data.result[0].value[1]));
  });

  test("query_interval over the last 10 s is a matrix with several points", async () => {
    const res = await call<Matrix>("query_interval", {
      query: "eris_test_constant",
      start: "10 seconds ago",
      end: "now",
      step: 1,
    });
    expect(res.data.resultType).toBe("matrix");
    const values = res.data.result[0].values;
    expect(values.length).toBeGreaterThanOrEqual(4);
    expect(values.every(([, v]) => v === "42")).toBe(true);
    for (let i = 1; i < values.length; i++) expect(values[i][0] - values[i - 1][0]).toBeCloseTo(1, 6);
  });

  test("compute_mean of a constant gauge is that constant", async () => {
    expect(await call("compute_mean", { query: "eris_test_constant", window: "10s" })).toBe(42);
  });

  test("compute_mean covers every series: arithmetic, geometric and harmonic", async () => {
    const q = { query: "eris_test_spread", window: "10s" };
    expect(await call("compute_mean", q)).toBe(3.75);
    expect(await call("compute_mean", { ...q, mean_type: "geometric" })).toBeCloseTo(Math.sqrt(8), 9);
    expect(await call("compute_mean", { ...q, mean_type: "harmonic" })).toBeCloseTo(4 / 1.875, 9);
  });

  /**
   * Runs `check` with Date frozen 1.5 s in the past (timers stay real): compute_mean's "now" is then
   * known, and a range query made here over the same window sees the same, settled samples.
   */
  async function frozen(check: (now: number) => Promise<void>): Promise<void> {
    const now = Date.now() - 1500;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    try {
      await check(now / 1000);
    } finally {
      vi.useRealTimers();
    }
  }

  async function samples(query: string, now: number, window: number): Promise<number[]> {
    const step = Math.max(1, window / 100); // as compute_mean picks it
    const range = await call<Matrix>("query_interval", { query, start: now - window, end: now, step });
    return range.data.result.flatMap((series) => series.values.map(([, v]) => Number(v)));
  }

  test("compute_mean of a varying series matches a mean computed here from the same range", () =>
    frozen(async (now) => {
      const values = await samples("eris_test_wave", now, 20);
      expect(new Set(values).size).toBeGreaterThan(1);
      for (const mean_type of ["arithmetic", "geometric", "harmonic"] as const) {
        const got = await call<number>("compute_mean", { query: "eris_test_wave", window: "20s", mean_type });
        expect(got, mean_type).toBeCloseTo(mean(values, mean_type), 9);
      }
    }));

  test("nodes_cpu_usage_mean averages CPU usage from node_cpu_seconds_total", () =>
    frozen(async (now) => {
      // rate() over [1m] divides by the whole minute, so with seconds of history the figure is
      // not 75 %; what matters is that the action runs this expression and averages it.
      const values = await samples('100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[1m])))', now, 10);
      expect(values.length).toBeGreaterThanOrEqual(2);
      const usage = await call<number>("nodes_cpu_usage_mean", { window: "10s" });
      expect(usage).toBeCloseTo(mean(values, "arithmetic"), 9);
      expect(usage).toBeGreaterThan(0);
      expect(usage).toBeLessThan(100);
    }));

  test("a PromQL syntax error is a FailedAction with Prometheus's message", async () => {
    const err = await call("query", { query: "sum(eris_test_constant" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(FailedAction);
    expect((err as Error).message).toMatch(
      /^Prometheus query "sum\(eris_test_constant" failed \(HTTP 400, bad_data\): .*parse error/,
    );
  });

  test("a range with too many points is refused by Prometheus, and said so", async () => {
    const err = await call("query_interval", { query: "up", start: "1 day ago", end: "now", step: 1 }).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(FailedAction);
    expect((err as Error).message).toMatch(/bad_data.*exceeded maximum resolution/);
  });

  test("compute_mean of a query with no data fails instead of returning NaN", async () => {
    await expect(call("compute_mean", { query: "eris_no_such_metric", window: "10s" })).rejects.toThrow(
      'Prometheus query "eris_no_such_metric" returned no samples in the last 10s',
    );
  });
});
