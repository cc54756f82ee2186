/**
 * Server side only: the display name of the single sign-on provider when lib/auth/options.ts
 * enables it (same three variables), else null. Only the name reaches the browser.
 */
export function configuredOidcName(env: Record<string, string | undefined> = process.env): string | null {
  if (!env.ERIS_OIDC_ISSUER || !env.ERIS_OIDC_CLIENT_ID || !env.ERIS_OIDC_CLIENT_SECRET) return null;
  return env.ERIS_OIDC_NAME ?? "Single sign-on";
}
