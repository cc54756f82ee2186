"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fieldErrorsOf } from "@/components/experiments/api-errors";
import { type Experiment, type SavedExperiment, toDefinition } from "@/components/experiments/types";
import { useSaveExperiment } from "@/components/experiments/use-experiments";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { button, card } from "@/components/ui/styles";
import { type Draft, fromDefinition, toExperiment } from "./draft";
import { PAGES, type PageId, pageOfError } from "./pages";
import { SaveWarnings } from "./save-warnings";
import { TextEditor } from "./text-editor";
import { useWizardText } from "./use-wizard-text";
import { WizardNav } from "./wizard-nav";
import { WizardPageBody } from "./wizard-page-body";

/** New (POST) or edit (PUT, given `initial`): Basics → Pre-steps → Steps → Post-steps → Parameters → Review. */
export function ExperimentWizard({ initial }: { initial?: Experiment }) {
  const router = useRouter();
  const save = useSaveExperiment(initial?.id);
  const [draft, setDraft] = useState<Draft>(() => fromDefinition(toDefinition(initial ?? {})));
  const [page, setPage] = useState<PageId>("basics");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [jumps, setJumps] = useState(0);
  const [warned, setWarned] = useState<SavedExperiment | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const text = useWizardText(draft, setDraft);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const index = PAGES.findIndex((p) => p.id === page);

  // After the API names fields, focus the first one on the page the wizard jumped to.
  useEffect(() => {
    if (jumps) body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [jumps]);

  function goTo(next: PageId) {
    if (text.switchTo("form")) setPage(next);
  }

  async function submit() {
    const current = text.commit();
    if (!current) return;
    setErrors({});
    setFormError(null);
    try {
      const saved = await save.mutateAsync(toExperiment(current));
      // Saved, but something will fail when it runs: say so before moving on.
      if (saved.warnings?.length) return setWarned(saved);
      router.push(`/experiments/${saved.id}`);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const first = Object.keys(fields)[0];
      if (!first) return setFormError(err instanceof Error ? err.message : "Could not save the experiment.");
      setErrors(fields);
      setFormError(
        `The API rejected ${Object.keys(fields).length === 1 ? "a field" : "some fields"}: see the highlighted ${first}.`,
      );
      text.switchTo("form");
      setPage(pageOfError(first));
      setJumps((n) => n + 1);
    }
  }

  if (warned?.warnings?.length) {
    // A new experiment exists now: further edits go to it, not to a second POST.
    const keepEditing = initial ? () => setWarned(null) : () => router.push(`/experiments/${warned.id}/edit`);
    return (
      <section className="space-y-6">
        <PageHeader title={`Saved “${warned.name}”`}>The experiment is stored.</PageHeader>
        <SaveWarnings id={warned.id} warnings={warned.warnings} onKeepEditing={keepEditing} />
      </section>
    );
  }

  return (
    <section className="space-y-6">
      <PageHeader title={initial ? `Edit “${initial.name}”` : "New experiment"}>
        Every field comes from the module catalogue; {"{{ name }}"} placeholders are filled from the parameters when a
        trial runs.
      </PageHeader>
      <WizardNav
        page={page}
        mode={text.mode}
        onPage={goTo}
        onMode={text.switchTo}
        pagesWithErrors={new Set(Object.keys(errors).map(pageOfError))}
      />
      <FormError message={formError} testId="wizard-error" />
      <div ref={body} key={text.revision} className={`${card} space-y-4`}>
        {text.mode === "form" ? (
          <>
            <h2 className="text-lg font-semibold">{PAGES[index].title}</h2>
            <WizardPageBody page={page} draft={draft} update={update} errors={errors} />
          </>
        ) : (
          <TextEditor format={text.mode} text={text.text} onChange={text.setText} error={text.error} />
        )}
      </div>
      <div className="flex flex-wrap justify-between gap-2">
        <div className="flex gap-2">
          <button
            type="button"
            className={button.secondary}
            disabled={index === 0 || text.mode !== "form"}
            onClick={() => goTo(PAGES[index - 1].id)}
          >
            Back
          </button>
          <button
            type="button"
            className={button.secondary}
            disabled={index === PAGES.length - 1 || text.mode !== "form"}
            onClick={() => goTo(PAGES[index + 1].id)}
          >
            Next
          </button>
        </div>
        <button type="button" className={button.primary} onClick={submit} disabled={save.isPending}>
          {save.isPending ? "Saving…" : initial ? "Save changes" : "Create experiment"}
        </button>
      </div>
    </section>
  );
}
