"use client";

import { type FormEvent, useState } from "react";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { ApiError, type FieldMessages } from "@/lib/client/api-fetch";
import { type CreatedToken, useCreateToken } from "./use-tokens";

const EXPIRY = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
];

/** Creating a token re-checks the password: a token outlives the session that made it. */
export function CreateTokenForm({ email, onCreated }: { email: string; onCreated: (t: CreatedToken) => void }) {
  const create = useCreateToken();
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expiry = String(form.get("expires") ?? "90");
    setErrors({});
    setFormError(null);
    try {
      const token = await create.mutateAsync({
        email,
        password: String(form.get("password") ?? ""),
        name: String(form.get("name") ?? "").trim(),
        expires_in_days: expiry === "never" ? null : Number(expiry),
      });
      formElement.reset();
      onCreated(token);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setErrors({ password: "Wrong password." });
      else if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(err instanceof Error ? err.message : "Could not create the token.");
    }
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-4`} aria-labelledby="create-token-title">
      <h2 id="create-token-title" className="text-base font-semibold">
        New token
      </h2>
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Token name" name="name" required maxLength={100} placeholder="ci pipeline" error={errors.name} />
        <SelectField label="Expires" name="expires" defaultValue="90" error={errors.expires_in_days}>
          {EXPIRY.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </SelectField>
        <Field
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
      </div>
      <button type="submit" className={button.primary} disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
