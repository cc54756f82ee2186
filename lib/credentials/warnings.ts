/**
 * Save-time warnings for credential references the allow-lists refuse. The experiment still saves
 * (Kallisti's documented examples must), but the answer says which step will fail and which
 * setting would let it run. Judged on the names and paths as written: nothing is read, so a
 * warning says nothing about whether a variable or file exists.
 */
import path from "node:path";
import { PROTECTED_ENV } from "./protected";
import { type CredentialPolicy, credentialPolicy } from "./policy";

export type CredentialWarning = { field: string; message: string };

type StepLike = { do: string; where: Record<string, unknown> };
export type StepLists = { pre_steps?: StepLike[]; steps?: StepLike[]; post_steps?: StepLike[] };

/** A `{{ parameter }}` is only known when a trial runs: the run-time check covers it. */
const PLACEHOLDER = /\{\{.*?\}\}/;
const literal = (v: unknown): v is string => typeof v === "string" && v !== "" && !PLACEHOLDER.test(v);
const asBlock = (v: unknown) =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const envWarning = (name: string) =>
  `${name} is not allowed for credentials, so this step will fail when it runs; an administrator allows it by adding ${name} to ERIS_CREDENTIAL_ENV (or to credential_access.env in eris.config.json). Eris's own settings (${PROTECTED_ENV.join(", ")} and notification secrets) are never allowed`;
const fileWarning = (what: string, file: string) =>
  `${what} ${file} is not in a directory allowed for credential files, so this step will fail when it runs; an administrator allows it by adding ${path.dirname(path.resolve(file))} to ERIS_CREDENTIAL_DIRS (or to credential_access.dirs in eris.config.json). Eris's own files are never allowed`;

function blockWarnings(block: Record<string, unknown>, at: string, policy: CredentialPolicy): CredentialWarning[] {
  const out: CredentialWarning[] = [];
  if (block.type === "ENV_VAR_USERNAME_PASSWORD") {
    for (const key of ["username_key", "password_key"]) {
      const name = block[key];
      if (literal(name) && !policy.envAllowed(name)) out.push({ field: `${at}.${key}`, message: envWarning(name) });
    }
  } else if (block.type === "TOKEN_FILE") {
    const file = block.token_path;
    if (literal(file) && !policy.pathAllowed(file))
      out.push({ field: `${at}.token_path`, message: fileWarning("The token file", file) });
  } else if (block.type === "K8S_SVC_ACC_TOKEN_FILE") {
    const file = policy.serviceAccountTokenPath;
    if (!policy.pathAllowed(file)) out.push({ field: at, message: fileWarning("The service-account token", file) });
  }
  return out;
}

function stepWarnings(step: StepLike, at: string, policy: CredentialPolicy): CredentialWarning[] {
  const out: CredentialWarning[] = [];
  const where = step.where ?? {};
  const direct = asBlock(where.credentials);
  if (direct) out.push(...blockWarnings(direct, `${at}.where.credentials`, policy));
  const nested = asBlock(asBlock(where.authentication)?.credentials);
  if (nested) out.push(...blockWarnings(nested, `${at}.where.authentication.credentials`, policy));
  if (literal(where.kubeconfig) && !policy.pathAllowed(where.kubeconfig))
    out.push({ field: `${at}.where.kubeconfig`, message: fileWarning("The kubeconfig", where.kubeconfig) });
  return out;
}

/** One warning per refused reference, with the dotted path of the field that names it. */
export function credentialWarnings(
  lists: StepLists,
  policy: CredentialPolicy = credentialPolicy(),
): CredentialWarning[] {
  const out: CredentialWarning[] = [];
  for (const list of ["pre_steps", "steps", "post_steps"] as const) {
    for (const [i, step] of (lists[list] ?? []).entries()) out.push(...stepWarnings(step, `${list}.${i}`, policy));
  }
  return out;
}
