"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { button } from "@/components/ui/styles";
import { forgetAllDrafts } from "@/components/wizard/use-draft-store";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={button.secondary}
      disabled={pending}
      onClick={() => {
        setPending(true);
        forgetAllDrafts();
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      Sign out
    </button>
  );
}
