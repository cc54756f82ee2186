"use client";

import { useState } from "react";
import { FormError } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";
import { TokenTable } from "./token-table";
import { type CreatedToken, useTokens } from "./use-tokens";

export function TokensView({ email }: { email: string }) {
  const tokens = useTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  return (
    <section className="space-y-6">
      <PageHeader title="API tokens">
        Tokens let scripts and CI call the Eris API as you ({email}), with your role.
      </PageHeader>
      {created && <NewTokenNotice token={created} onDismiss={() => setCreated(null)} />}
      <CreateTokenForm email={email} onCreated={setCreated} />
      {tokens.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading tokens…</p>
      ) : tokens.isError ? (
        <FormError message={tokens.error.message} />
      ) : (
        <TokenTable tokens={tokens.data} />
      )}
    </section>
  );
}
