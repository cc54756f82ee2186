"use client";

import { type FormEvent, useState } from "react";
import { Field, FormError, SelectField } from "@/components/ui/field";
import { button, card } from "@/components/ui/styles";
import { ApiError, type FieldMessages } from "@/lib/client/api-fetch";
import { ROLES, type Role, useCreateUser } from "./use-users";

export function CreateUserForm() {
  const create = useCreateUser();
  const [errors, setErrors] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setErrors({});
    setFormError(null);
    setCreated(null);
    try {
      const user = await create.mutateAsync({
        email: String(form.get("email") ?? "").trim(),
        name: String(form.get("name") ?? "").trim(),
        password: String(form.get("password") ?? ""),
        role: String(form.get("role") ?? "viewer") as Role,
      });
      formElement.reset();
      setCreated(`Created ${user.email} (${user.role}).`);
    } catch (err) {
      // The API answers DRF-style {"field": ["message"]}: each message goes under its field.
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFormError(err instanceof Error ? err.message : "Could not create the user.");
    }
  }

  return (
    <form onSubmit={onSubmit} className={`${card} space-y-4`} aria-labelledby="create-user-title" noValidate>
      <h2 id="create-user-title" className="text-base font-semibold">
        Add a user
      </h2>
      <FormError message={formError} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Email" name="email" type="email" autoComplete="off" required error={errors.email} />
        <Field label="Name" name="name" autoComplete="off" error={errors.name} />
        <Field
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters."
          error={errors.password}
        />
        <SelectField label="Role" name="role" defaultValue="viewer" error={errors.role}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className={button.primary} disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add user"}
        </button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {created}
        </p>
      </div>
    </form>
  );
}
