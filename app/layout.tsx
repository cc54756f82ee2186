import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";
import { THEME_INIT_SCRIPT } from "@/components/theme/theme-script";
import { NONCE_HEADER } from "@/lib/security/csp";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Eris", template: "%s · Eris" },
  description: "Chaos-engineering control plane",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request CSP nonce; reading the headers also renders every page per request,
  // which a nonce needs (a page built ahead of time would carry no valid nonce).
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The inline script sets the theme class before first paint; the class then differs from the
    // server's markup, which is expected, hence suppressHydrationWarning (it covers <html> only).
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours, needed before hydration */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_INIT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
