import Link from "next/link";
import type { SessionUser } from "@/components/auth/session-user";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { SignalControl } from "@/components/signal/signal-control";
import type { Signal } from "@/components/signal/use-signal";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { button } from "@/components/ui/styles";
import { hasRole } from "@/lib/auth/roles";
import { HeaderMenu } from "./header-menu";
import { type NavLink, NavLinks } from "./nav-links";

function linksFor(user: SessionUser | null | undefined): NavLink[] {
  if (!user)
    return [
      { href: "/", label: "Home" },
      { href: "/docs", label: "API reference" },
    ];
  const links = [
    { href: "/", label: "Home" },
    { href: "/experiments", label: "Experiments" },
    { href: "/trials", label: "Trials" },
    { href: "/schedules", label: "Schedules" },
    { href: "/docs", label: "API reference" },
    { href: "/settings/tokens", label: "API tokens" },
  ];
  if (hasRole(user.role, "admin")) {
    links.push(
      { href: "/admin/users", label: "Users" },
      { href: "/admin/audit", label: "Audit" },
      { href: "/settings/notifications", label: "Notifications" },
      { href: "/admin/blackouts", label: "Blackouts" },
      { href: "/admin/guards", label: "Guards" },
    );
  }
  return links;
}

/** The header on every page; without a user (the public API reference) it offers "Sign in". */
export function Nav({ user, signal }: { user?: SessionUser | null; signal?: Signal }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Eris
        </Link>
        <HeaderMenu>
          <nav aria-label="Main" className="lg:flex-1">
            <NavLinks links={linksFor(user)} />
          </nav>
          {user && <SignalControl canOperate={hasRole(user.role, "operator")} initial={signal} />}
          <ThemeToggle />
          {user ? (
            <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="current-user">
              <span className="min-w-0 break-all text-slate-700 dark:text-slate-300">{user.email}</span>
              <span
                className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300"
                data-testid="current-role"
              >
                {user.role}
              </span>
              <SignOutButton />
            </div>
          ) : (
            <Link href="/signin" className={`${button.secondary} self-start`}>
              Sign in
            </Link>
          )}
        </HeaderMenu>
      </div>
    </header>
  );
}
