import { HomeEmptyState } from "./empty-state";
import { RecentTrialsPanel } from "./recent-trials-panel";
import { RunningNowPanel } from "./running-now-panel";
import { ScoresPanel } from "./scores-panel";
import { SuccessRatePanel } from "./success-rate-panel";
import { UpcomingRunsPanel } from "./upcoming-runs-panel";

type Props = { counts: { experiments: number; trials: number }; canWrite: boolean };

export function HomeView({ counts, canWrite }: Props) {
  const empty = counts.experiments === 0;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Home</h1>
      <dl className="grid grid-cols-2 gap-4 sm:max-w-md">
        <Stat label="Experiments" value={counts.experiments} />
        <Stat label="Trials" value={counts.trials} />
      </dl>
      {empty && <HomeEmptyState canWrite={canWrite} />}
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <RunningNowPanel />
        <UpcomingRunsPanel />
        <RecentTrialsPanel />
        <SuccessRatePanel />
        <ScoresPanel />
      </div>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={`stat-${label.toLowerCase()}`}>
        {value}
      </dd>
    </div>
  );
}
