import { button } from "@/components/ui/styles";
import { PAGES, type PageId } from "./pages";
import type { Mode } from "./use-wizard-text";

type Props = {
  page: PageId;
  mode: Mode;
  pagesWithErrors: Set<PageId>;
  onPage: (p: PageId) => void;
  onMode: (m: Mode) => void;
};

const MODES: { id: Mode; label: string }[] = [
  { id: "form", label: "Form" },
  { id: "json", label: "JSON" },
  { id: "yaml", label: "YAML" },
];

export function WizardNav({ page, mode, pagesWithErrors, onPage, onMode }: Props) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <nav aria-label="Wizard pages">
        <ol className="flex flex-wrap gap-1">
          {PAGES.map((p, i) => {
            const current = mode === "form" && p.id === page;
            const invalid = pagesWithErrors.has(p.id);
            return (
              <li key={p.id}>
                <button
                  type="button"
                  aria-current={current ? "step" : undefined}
                  onClick={() => onPage(p.id)}
                  className={`rounded-md px-2.5 py-1 text-sm ${current ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"} ${invalid ? "ring-2 ring-red-500" : ""}`}
                >
                  {i + 1}. {p.title}
                  {invalid && <span className="sr-only"> (has errors)</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <fieldset className="flex gap-1">
        <legend className="sr-only">Edit as</legend>
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            aria-pressed={mode === m.id}
            className={`${button.secondary} aria-pressed:bg-slate-200 dark:aria-pressed:bg-slate-700`}
            onClick={() => onMode(m.id)}
          >
            {m.label}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
