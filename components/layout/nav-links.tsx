"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavLink = { href: string; label: string };

/** Schedules sits right after Home, for signed-in people (their lists carry "API tokens"). */
function withSchedules(links: NavLink[]): NavLink[] {
  if (!links.some((l) => l.href === "/settings/tokens") || links.some((l) => l.href === "/schedules")) return links;
  return [links[0], { href: "/schedules", label: "Schedules" }, ...links.slice(1)];
}

/** The main links, with the current page marked for assistive technology and styled to match. */
export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  if (links.some((l) => l.href === "/settings/tokens"))
    links = [links[0], { href: "/trials", label: "Trials" }, ...links.slice(1)];
  if (links.some((l) => l.href === "/settings/tokens"))
    links = [links[0], { href: "/experiments", label: "Experiments" }, ...links.slice(1)];
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {withSchedules(links).map((l) => {
        const current = l.href === "/" ? pathname === "/" : pathname.startsWith(l.href);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current ? "page" : undefined}
              className={
                current
                  ? "font-medium text-slate-900 dark:text-white"
                  : "text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
              }
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
