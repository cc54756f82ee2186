"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { button, card, input } from "@/components/ui/styles";
import { fieldErrorsOf } from "./api-errors";
import { detectFormat, parseText } from "./definition-text";
import { SaveWarnings } from "@/components/wizard/save-warnings";
import { type SavedExperiment, toDefinition } from "./types";
import { useSaveExperiment } from "./use-experiments";

/** The API is the validator: the document is POSTed as it is and every message it returns is listed. */
export function ImportView() {
  const router = useRouter();
  const save = useSaveExperiment();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [warned, setWarned] = useState<SavedExperiment | null>(null);
  const textId = useId();
  const format = detectFormat(text);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setFieldErrors({});
    const parsed = parseText(text, format);
    if ("error" in parsed) return setError(parsed.error);
    if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value))
      return setError("The document must be one experiment object (name, steps, …).");
    try {
      const created = await save.mutateAsync(toDefinition(parsed.value));
      if (created.warnings?.length) return setWarned(created);
      router.push(`/experiments/${created.id}`);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setFieldErrors(fields);
      else setError(err instanceof Error ? err.message : "Could not import the experiment.");
    }
  }

  return (
    <section className="space-y-6">
      <Link href="/experiments" className="text-sm text-slate-600 underline dark:text-slate-400">
        ← Experiments
      </Link>
      <PageHeader title="Import an experiment">
        Paste or upload a JSON or YAML export; Eris checks it as it saves.
      </PageHeader>
      {warned?.warnings?.length ? (
        <SaveWarnings
          id={warned.id}
          warnings={warned.warnings}
          onKeepEditing={() => router.push(`/experiments/${warned.id}/edit`)}
        />
      ) : null}
      <form hidden={Boolean(warned)} onSubmit={onSubmit} className={`${card} space-y-4`} aria-label="Import" noValidate>
        <FormError message={error} testId="import-error" />
        {Object.keys(fieldErrors).length > 0 && (
          <ul
            role="alert"
            data-testid="import-field-errors"
            className="list-disc space-y-1 pl-5 text-sm text-red-700 dark:text-red-300"
          >
            {Object.entries(fieldErrors).map(([path, message]) => (
              <li key={path}>
                <code className="font-mono">{path}</code>: {message}
              </li>
            ))}
          </ul>
        )}
        <div className="space-y-1">
          <label htmlFor={`${textId}-file`} className="block text-sm font-medium">
            File
          </label>
          <input
            id={`${textId}-file`}
            type="file"
            accept=".json,.yaml,.yml,application/json,text/yaml"
            onChange={onFile}
            className="text-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={textId} className="block text-sm font-medium">
            Definition
          </label>
          <textarea
            id={textId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={18}
            spellCheck={false}
            className={`${input} font-mono text-xs`}
            placeholder={"name: My experiment\nsteps:\n  - do: cm.wait\n    where:\n      time_in_seconds: 1"}
          />
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="import-format">
            {text.trim() ? `Read as ${format.toUpperCase()}.` : "JSON or YAML, detected from the text."}
          </p>
        </div>
        <button type="submit" className={button.primary} disabled={save.isPending || !text.trim()}>
          {save.isPending ? "Importing…" : "Import"}
        </button>
      </form>
    </section>
  );
}
