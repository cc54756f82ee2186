import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { needsSetup } from "@/components/auth/session-user";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata: Metadata = { title: "First run" };

export default async function SetupPage() {
  await connection();
  // One-time page: once any account exists, the API refuses and so does this page.
  if (!(await needsSetup())) redirect("/signin");
  return (
    <AuthCard
      title="Create the first administrator"
      intro="Eris has no accounts yet. This admin can invite everyone else."
    >
      <SetupForm />
    </AuthCard>
  );
}
