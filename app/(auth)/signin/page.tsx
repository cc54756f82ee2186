import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { configuredOidcName } from "@/components/auth/oidc";
import { getSessionUser, needsSetup } from "@/components/auth/session-user";
import { SignInForm } from "@/components/auth/signin-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  await connection(); // reads the database and the environment per request
  if (await needsSetup()) redirect("/setup");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  return (
    <AuthCard title="Sign in" intro="Sign in to the Eris control plane.">
      <SignInForm callbackUrl={callbackUrl} oidcName={configuredOidcName()} initialError={error} />
    </AuthCard>
  );
}
