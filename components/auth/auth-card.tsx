import type { ReactNode } from "react";
import { card } from "@/components/ui/styles";

/** The centred card the sign-in and first-run pages share. */
export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <p className="text-center text-2xl font-semibold tracking-tight">Eris</p>
        <section className={card} aria-labelledby="auth-title">
          <h1 id="auth-title" className="text-lg font-semibold">
            {title}
          </h1>
          {intro && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{intro}</p>}
          <div className="mt-6">{children}</div>
        </section>
      </div>
    </main>
  );
}
