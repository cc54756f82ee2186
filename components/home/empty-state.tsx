import Link from "next/link";
import { button } from "@/components/ui/styles";

/** The first thing a new team sees: how to make an experiment, in the dashboard or through the API. */
export function HomeEmptyState({ canWrite }: { canWrite: boolean }) {
  return (
    <div
      data-testid="home-empty"
      className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700"
    >
      <h2 className="text-lg font-medium">No experiments yet</h2>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {canWrite ? "Build one step by step, import a JSON or YAML definition, or" : "An operator can create one, or"}{" "}
        send it to <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">POST /api/v1/experiment</code> (the{" "}
        <Link className="underline" href="/docs">
          API reference
        </Link>{" "}
        has examples to try).
      </p>
      {canWrite && (
        <div className="mt-4 flex flex-wrap justify-center gap-2">
          <Link href="/experiments/new" className={button.primary}>
            New experiment
          </Link>
          <Link href="/experiments/import" className={button.secondary}>
            Import
          </Link>
        </div>
      )}
    </div>
  );
}
