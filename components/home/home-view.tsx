import { RecentTrialsPanel } from "./recent-trials-panel";
import { RunningNowPanel } from "./running-now-panel";
import { SuccessRatePanel } from "./success-rate-panel";
import { UpcomingRunsPanel } from "./upcoming-runs-panel";

type Props = { counts: { experiments: number; trials: number } };

export function HomeView({ counts }: Props) {
  const empty = counts.experiments === 0;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Home</h1>
      <dl className="grid grid-cols-2 gap-4 sm:max-w-md">
        <Stat label="Experiments" value={counts.experiments} />
        <Stat label="Trials" value={counts.trials} />
      </dl>
      {empty && (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
          <h2 className="text-lg font-medium">No experiments yet</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Create one with <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">POST /api/v1/experiment</code>
            , and the{" "}
            <a className="underline" href="/docs">
              API reference
            </a>{" "}
            has examples to try.
          </p>
        </div>
      )}
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <RunningNowPanel />
        <UpcomingRunsPanel />
        <RecentTrialsPanel />
        <SuccessRatePanel />
      </div>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={`stat-${label.toLowerCase()}`}>
        {value}
      </dd>
    </div>
  );
}
