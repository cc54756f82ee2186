"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { fieldErrorsOf } from "@/components/experiments/api-errors";
import { stringify } from "@/components/experiments/definition-text";
import { type Experiment, type SavedExperiment, toDefinition } from "@/components/experiments/types";
import { useSaveExperiment } from "@/components/experiments/use-experiments";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { card } from "@/components/ui/styles";
import { draftProblems, fromDefinition, toExperiment } from "./draft";
import { RestoredNotice } from "./draft-notices";
import { PAGES, type PageId, pageOfError } from "./pages";
import { SaveWarnings } from "./save-warnings";
import { TextEditor } from "./text-editor";
import { useDraftStore } from "./use-draft-store";
import { useLeaveGuard } from "./use-leave-guard";
import { useModules } from "./use-modules";
import { useWizardFocus } from "./use-wizard-focus";
import { useWizardPage } from "./use-wizard-page";
import { useWizardText } from "./use-wizard-text";
import { WizardActions } from "./wizard-actions";
import { WizardNav } from "./wizard-nav";
import { WizardPageBody } from "./wizard-page-body";

const LEAVE =
  "You have unsaved changes to this experiment. Leave this page? They stay in this browser as a draft until you discard them.";

/** New (POST) or edit (PUT, given `initial`): Basics → Pre-steps → Steps → Post-steps → Guards → Parameters → Review. */
export function ExperimentWizard({ initial }: { initial?: Experiment }) {
  const router = useRouter();
  const save = useSaveExperiment(initial?.id);
  useModules(); // loaded here too, so the wizard re-renders (and focuses a field) once step forms exist
  const start = useMemo(() => fromDefinition(toDefinition(initial ?? {})), [initial]);
  const store = useDraftStore(initial?.id ?? "new", initial?.updated_at ?? null, start);
  const [page, goTo] = useWizardPage();
  const [apiErrors, setApiErrors] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [warned, setWarned] = useState<SavedExperiment | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const text = useWizardText(store.draft, store.setDraft);
  const { draft } = store;
  // Fields that do not parse block saving; once a save was tried, their errors show (and clear as they are fixed).
  const errors = { ...apiErrors, ...(attempted ? draftProblems(draft) : {}) };
  // Text typed in the JSON/YAML tab counts too, before it is read back into the form.
  const textDirty = text.mode !== "form" && text.text !== stringify(toExperiment(draft), text.mode);
  useLeaveGuard((store.dirty || textDirty) && !warned, LEAVE);
  const focusFirstInvalid = useWizardFocus(page, body, heading);

  function goToPage(next: PageId) {
    if (text.switchTo("form")) goTo(next);
  }

  function showErrors(fields: Record<string, string>, message: string) {
    const first = Object.keys(fields)[0];
    setFormError(message);
    text.switchTo("form");
    focusFirstInvalid();
    goTo(pageOfError(first));
  }

  async function submit() {
    const current = text.commit();
    if (!current) return;
    const problems = draftProblems(current);
    setAttempted(true);
    if (Object.keys(problems).length) {
      const first = Object.keys(problems)[0];
      return showErrors(problems, `Not saved: ${first} is not valid JSON. Fix it, or empty the field, and save again.`);
    }
    setApiErrors({});
    setFormError(null);
    try {
      const saved = await save.mutateAsync(toExperiment(current));
      store.forget();
      // Saved, but something will fail when it runs: say so before moving on.
      if (saved.warnings?.length) return setWarned(saved);
      router.push(`/experiments/${saved.id}`);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const first = Object.keys(fields)[0];
      if (!first) return setFormError(err instanceof Error ? err.message : "Could not save the experiment.");
      setApiErrors(fields);
      const which = Object.keys(fields).length === 1 ? "a field" : "some fields";
      showErrors(fields, `The API rejected ${which}: see the highlighted ${first}.`);
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

  const index = PAGES.findIndex((p) => p.id === page);
  return (
    <section className="space-y-6">
      <PageHeader title={initial ? `Edit “${initial.name}”` : "New experiment"}>
        Every field comes from the module catalogue; {"{{ name }}"} placeholders are filled from the parameters when a
        trial runs.
      </PageHeader>
      <RestoredNotice restored={store.restored} />
      <WizardNav
        page={page}
        mode={text.mode}
        onPage={goToPage}
        onMode={text.switchTo}
        pagesWithErrors={new Set(Object.keys(errors).map(pageOfError))}
      />
      <FormError message={formError} testId="wizard-error" />
      <div ref={body} key={text.revision} className={`${card} space-y-4`}>
        {text.mode === "form" ? (
          <>
            <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
              {PAGES[index].title}
            </h2>
            <WizardPageBody
              page={page}
              draft={draft}
              update={(p) => store.setDraft((d) => ({ ...d, ...p }))}
              errors={errors}
              saved={initial ? { id: initial.id, dirty: store.dirty } : undefined}
            />
          </>
        ) : (
          <TextEditor format={text.mode} text={text.text} onChange={text.setText} error={text.error} />
        )}
      </div>
      <WizardActions
        index={index}
        formMode={text.mode === "form"}
        onPage={(i) => goToPage(PAGES[i].id)}
        dirty={store.dirty}
        onDiscard={() => {
          store.discard();
          setApiErrors({});
          setAttempted(false);
          setFormError(null);
        }}
        saving={save.isPending}
        saveLabel={initial ? "Save changes" : "Create experiment"}
        onSave={submit}
      />
    </section>
  );
}
