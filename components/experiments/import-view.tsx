"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ChangeEvent, type FormEvent, useId, useState } from "react";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { button, card, input } from "@/components/ui/styles";
import { SaveWarnings } from "@/components/wizard/save-warnings";
import { fieldErrorsOf } from "./api-errors";
import { detectFormat } from "./definition-text";
import { ImportPreview } from "./import-preview";
import { type ImportResult, useImportDocument } from "./use-import";

/**
 * The API is the reader and the validator: the document goes to POST /api/v1/import as written, first
 * as a dry run (the preview of what will be created, or every problem at its path), then for real.
 * It takes Eris's own export, a Chaos Mesh Schedule or a bare chaos object.
 */
export function ImportView() {
  const router = useRouter();
  const importing = useImportDocument();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [warned, setWarned] = useState<ImportResult | null>(null);
  const textId = useId();
  const format = detectFormat(text);

  function edit(next: string) {
    setText(next);
    setPreview(null); // a preview only stands for the text it was made from
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) edit(await file.text());
  }

  async function send(dryRun: boolean) {
    setError(null);
    setFieldErrors({});
    try {
      const result = await importing.mutateAsync({ text, format, dryRun });
      if (dryRun) return setPreview(result);
      if (result.warnings.length) return setWarned(result);
      router.push(`/experiments/${result.experiment.id}`);
    } catch (err) {
      setPreview(null);
      const fields = fieldErrorsOf(err);
      if (Object.keys(fields).length) setFieldErrors(fields);
      else setError(err instanceof Error ? err.message : "Could not read the document.");
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(preview === null);
  };

  return (
    <section className="space-y-6">
      <Link href="/experiments" className="text-sm text-slate-600 underline dark:text-slate-400">
        ← Experiments
      </Link>
      <PageHeader title="Import an experiment">
        Paste or upload an Eris export (JSON or YAML), a Chaos Mesh Schedule or a Chaos Mesh chaos object; Eris shows
        what it will create before saving.
      </PageHeader>
      {warned?.warnings.length ? (
        <SaveWarnings
          id={warned.experiment.id as string}
          warnings={warned.warnings}
          onKeepEditing={() => router.push(`/experiments/${warned.experiment.id}/edit`)}
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
            accept=".json,.yaml,.yml,application/json,text/yaml,application/yaml"
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
            onChange={(e) => edit(e.target.value)}
            rows={18}
            spellCheck={false}
            className={`${input} font-mono text-xs`}
            placeholder={
              "apiVersion: chaos-mesh.org/v1alpha1\nkind: Schedule\n…\n\nor\n\nname: My experiment\nsteps:\n  - do: cm.wait\n    where:\n      time_in_seconds: 1"
            }
          />
          <p className="text-xs text-slate-500 dark:text-slate-400" data-testid="import-format">
            {text.trim() ? `Read as ${format.toUpperCase()}.` : "JSON or YAML, detected from the text."}
          </p>
        </div>
        {preview ? <ImportPreview result={preview} /> : null}
        <div className="flex flex-wrap gap-2">
          {preview ? (
            <>
              <button type="submit" className={button.primary} disabled={importing.isPending}>
                {importing.isPending ? "Importing…" : "Import"}
              </button>
              <button type="button" className={button.secondary} onClick={() => setPreview(null)}>
                Back to the text
              </button>
            </>
          ) : (
            <button type="submit" className={button.primary} disabled={importing.isPending || !text.trim()}>
              {importing.isPending ? "Reading…" : "Preview"}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
