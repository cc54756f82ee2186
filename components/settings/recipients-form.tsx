"use client";

import { type FormEvent, useId, useState } from "react";
import { FormError } from "@/components/ui/field";
import { button, card, input } from "@/components/ui/styles";
import { ApiError } from "@/lib/client/api-fetch";
import { flattenErrors, useSaveRecipients } from "./use-notifications";

/** Kallisti's notification list: who gets the trial e-mails, one address per line. */
export function RecipientsForm({ emails }: { emails: string[] }) {
  const save = useSaveRecipients();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get("emails") ?? "");
    const list = text
      .split(/[\n,]/)
      .map((s) => s.trim())
      .filter(Boolean);
    setError(null);
    setSaved(null);
    try {
      const out = await save.mutateAsync(list);
      setSaved(`Saved ${out.emails.length} address${out.emails.length === 1 ? "" : "es"}.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        // {"emails": {"1": ["Enter a valid email address."]}}: name the line.
        const [path, message] = Object.entries(flattenErrors(err.body))[0] ?? [];
        const line = path?.split(".")[1];
        setError(line !== undefined ? `${list[Number(line)]}: ${message}` : (message ?? err.message));
      } else setError(err instanceof Error ? err.message : "Could not save the list.");
    }
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-3`} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="text-base font-semibold">
        E-mail recipients
      </h2>
      <FormError message={error} testId="recipients-error" />
      <label htmlFor={`${id}-emails`} className="block text-sm text-slate-600 dark:text-slate-400">
        One address per line. They get an e-mail when a trial ends (all trials, or only failed ones, below).
      </label>
      <textarea
        id={`${id}-emails`}
        name="emails"
        rows={3}
        className={input}
        defaultValue={emails.join("\n")}
        placeholder="sre@example.com"
      />
      <div className="flex items-center gap-3">
        <button type="submit" className={button.primary} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save recipients"}
        </button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved}
        </p>
      </div>
    </form>
  );
}
