/** Test support: install a credential policy built from the given settings, as the runner would read them. */
import { type CredentialPolicy, policyFromEnvironment, setCredentialPolicy } from "./policy";

export type PolicySettings = { env?: string; dirs?: string; more?: Record<string, string | undefined> };

export function policyWith({ env, dirs, more }: PolicySettings = {}): CredentialPolicy {
  return policyFromEnvironment({ ...process.env, ERIS_CREDENTIAL_ENV: env ?? "", ERIS_CREDENTIAL_DIRS: dirs, ...more });
}

/** Makes `policyWith(settings)` the process's policy until `resetPolicy()`. */
export function installPolicy(settings: PolicySettings = {}): CredentialPolicy {
  const policy = policyWith(settings);
  setCredentialPolicy(policy);
  return policy;
}

export const resetPolicy = () => setCredentialPolicy();
