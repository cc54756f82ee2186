"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { button } from "@/components/ui/styles";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={button.secondary}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/signin" });
      }}
    >
      Sign out
    </button>
  );
}
