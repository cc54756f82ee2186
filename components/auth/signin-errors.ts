/**
 * next-auth reports failures as an `error` code (in signIn()'s result, or in ?error= after a
 * redirect). The rate limiter's message is passed through as the code itself; it is shown
 * verbatim, while any other unknown text is not, so a crafted link cannot put words on the page.
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  AccessDenied: "This account may not sign in. It may be disabled; ask an administrator.",
  OAuthSignin: "Single sign-on could not start. Try again, or use your email and password.",
  OAuthCallback: "Single sign-on did not complete. Try again, or use your email and password.",
  OAuthCreateAccount: "Single sign-on could not create your account. Ask an administrator.",
  Callback: "Single sign-on did not complete. Try again, or use your email and password.",
  SessionRequired: "Please sign in to continue.",
  Configuration: "Sign-in is not configured correctly on the server. Ask an administrator.",
  configuration: "Sign-in is not configured correctly on the server. Ask an administrator.",
};

const RATE_LIMITED = /^Too many failed sign-ins\. Try again in \d+ minute\(s\)\.$/;

export function describeSignInError(code: string | null | undefined): string | null {
  if (!code) return null;
  if (MESSAGES[code]) return MESSAGES[code];
  if (RATE_LIMITED.test(code)) return code;
  return "Sign-in failed. Try again.";
}
