import type { Metadata } from "next";
import { requirePageUser } from "@/components/auth/session-user";
import { TokensView } from "@/components/tokens/tokens-view";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await requirePageUser("/settings/tokens");
  return <TokensView email={user.email} />;
}
