import Link from "next/link";

/** Shown instead of a page's content when the signed-in role is too low (the API would answer 403). */
export function Forbidden({ need }: { need: string }) {
  return (
    <section className="mx-auto max-w-md space-y-3 py-12 text-center" data-testid="forbidden">
      <p className="text-sm font-semibold text-red-600 dark:text-red-400">403</p>
      <h1 className="text-2xl font-semibold">Forbidden</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This page needs the <strong>{need}</strong> role. Ask an administrator if you need access.
      </p>
      <Link href="/" className="inline-block text-sm underline">
        Back to Home
      </Link>
    </section>
  );
}
