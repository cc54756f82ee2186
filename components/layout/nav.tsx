import Link from "next/link";

const LINKS = [
  { href: "/", label: "Home" },
  { href: "/docs", label: "API reference" },
];

export function Nav() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Eris
        </Link>
        <ul className="flex gap-4 text-sm">
          {LINKS.map((l) => (
            <li key={l.href}>
              <Link className="text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white" href={l.href}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
