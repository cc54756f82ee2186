/**
 * Credentials a step can carry in `where.credentials` ({"type": "...", ...}), resolved at run
 * time (never stored resolved, never logged, never returned). Kallisti's three types are built in;
 * the credential-handler map can add more.
 */
export type Credential =
  | { kind: "username_password"; type: string; username: string | undefined; password: string | undefined }
  | { kind: "token"; type: string; token: string };

/** Builds a credential from the block's other keys; throws InvalidCredential with a clear message. */
export type CredentialHandler = {
  description: string;
  /** The keys the block takes, for the catalogue and the wizard. */
  fields: Record<string, string>;
  resolve: (block: Record<string, unknown>) => Promise<Credential>;
};

export class InvalidCredential extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidCredentialType";
  }
}
