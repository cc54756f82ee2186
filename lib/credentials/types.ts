/**
 * Credentials a step can carry in `where.credentials` ({"type": "...", ...}), resolved at run
 * time (never stored resolved, never logged, never returned). Kallisti's three types are built in;
 * the credential-handler map can add more.
 */
import type { Binding } from "./destinations";

export type Credential = (
  | { kind: "username_password"; type: string; username: string | undefined; password: string | undefined }
  | { kind: "token"; type: string; token: string }
) & {
  /** Where the values it was built from may be sent (see ./destinations.ts); absent: anywhere. */
  bindings?: Binding[];
};

/**
 * How a handler reads what the administrator allowed. Both refuse with InvalidCredential, in the
 * same words for "not allowed" and "not there", naming the setting that would allow it.
 */
export type CredentialAccess = {
  /** The value of an allowed environment variable. */
  env: (name: string) => string;
  /** The content of a file in an allowed directory. */
  file: (path: string) => Promise<string>;
  /** Where this runner's Kubernetes service-account token is mounted. */
  serviceAccountTokenPath: string;
};

/** Builds a credential from the block's other keys; throws InvalidCredential with a clear message. */
export type CredentialHandler = {
  description: string;
  /** The keys the block takes, for the catalogue and the wizard. */
  fields: Record<string, string>;
  resolve: (block: Record<string, unknown>, access: CredentialAccess) => Promise<Credential>;
};

export class InvalidCredential extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCredentialType";
  }
}
