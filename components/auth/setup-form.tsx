"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Field, FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { ApiError, apiFetch, type FieldMessages } from "@/lib/client/api-fetch";

// Mirrors the API's rule (lib/auth/password.ts), so the common mistake is caught before a round trip.
const PASSWORD_MIN = 12;

export function SetupForm() {
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      email: String(form.get("email") ?? "").trim(),
      name: String(form.get("name") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    };
    const local: FieldMessages = {};
    if (input.password.length < PASSWORD_MIN) local.password = `Use at least ${PASSWORD_MIN} characters.`;
    if (input.password !== form.get("confirm")) local.confirm = "The passwords do not match.";
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;

    setPending(true);
    try {
      await apiFetch("/api/v1/setup", { method: "POST", body: input });
      const result = await signIn("credentials", { ...input, redirect: false, callbackUrl: "/" });
      window.location.assign(result?.ok && !result.error ? "/" : "/signin");
      return;
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else if (err instanceof ApiError && err.status === 403) window.location.assign("/signin");
      else setFormError(err instanceof Error ? err.message : "Setup failed.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Create the first administrator" noValidate>
      <FormError message={formError} />
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus error={errors.email} />
      <Field label="Name" name="name" autoComplete="name" error={errors.name} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password}
      />
      <Field
        label="Confirm password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirm}
      />
      <button type="submit" className={`${button.primary} w-full`} disabled={pending}>
        {pending ? "Creating…" : "Create administrator"}
      </button>
    </form>
  );
}
