"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { Field, FormError } from "@/components/ui/field";
import { button } from "@/components/ui/styles";
import { describeSignInError } from "./signin-errors";

type Props = {
  callbackUrl: string;
  /** The single sign-on provider's display name, when one is configured. */
  oidcName: string | null;
  initialError?: string;
};

export function SignInForm({ callbackUrl, oidcName, initialError }: Props) {
  const [error, setError] = useState(describeSignInError(initialError));
  const [pending, setPending] = useState(false);
  const password = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        // A full load, so the server-rendered dashboard sees the new session cookie.
        window.location.assign(callbackUrl);
        return;
      }
      setError(describeSignInError(result?.error ?? "CredentialsSignin"));
    } catch {
      setError("Could not reach Eris. Check your connection and try again.");
    }
    setPending(false);
    if (password.current) {
      password.current.value = "";
      password.current.focus();
    }
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" aria-labelledby="auth-title">
        <FormError message={error} testId="signin-error" />
        <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
        <Field
          ref={password}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit" className={`${button.primary} w-full`} disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oidcName && (
        <div className="space-y-3">
          <p className="text-center text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">or</p>
          <button
            type="button"
            className={`${button.secondary} w-full`}
            onClick={() => signIn("oidc", { callbackUrl })}
          >
            Sign in with {oidcName}
          </button>
        </div>
      )}
    </div>
  );
}
