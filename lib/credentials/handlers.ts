import type { Binding } from "./destinations";
import { type CredentialPolicy, CredentialUnavailable, credentialPolicy } from "./policy";
import { type Credential, type CredentialAccess, type CredentialHandler, InvalidCredential } from "./types";

const str = (block: Record<string, unknown>, key: string, type: string): string => {
  const v = block[key];
  if (typeof v !== "string" || !v)
    throw new InvalidCredential(`Credential ${type} needs "${key}" (a non-empty string)`);
  return v;
};

/**
 * A token goes into an HTTP header: one line of visible characters. Anything else is refused
 * here, before an HTTP library quotes the offending value in its own error message.
 */
function asToken(content: string, file: string, type: string): string {
  if (!/^[\x21-\x7e]+$/.test(content))
    throw new InvalidCredential(`Credential ${type}: ${file} does not hold a token (one line of visible characters)`);
  return content;
}

export const BUILTIN_CREDENTIALS: Record<string, CredentialHandler> = {
  ENV_VAR_USERNAME_PASSWORD: {
    description:
      "Username and password read from environment variables of the runner (those an administrator allowed).",
    fields: {
      username_key: "name of the variable holding the username",
      password_key: "name of the variable holding the password",
    },
    resolve: async (block, access): Promise<Credential> => ({
      kind: "username_password",
      type: "ENV_VAR_USERNAME_PASSWORD",
      username: access.env(str(block, "username_key", "ENV_VAR_USERNAME_PASSWORD")),
      password: access.env(str(block, "password_key", "ENV_VAR_USERNAME_PASSWORD")),
    }),
  },
  TOKEN_FILE: {
    description: "A bearer token read from a file on the runner's machine (in a directory an administrator allowed).",
    fields: { token_path: "path of the file holding the token" },
    resolve: async (block, access): Promise<Credential> => {
      const file = str(block, "token_path", "TOKEN_FILE");
      return { kind: "token", type: "TOKEN_FILE", token: asToken(await access.file(file), file, "TOKEN_FILE") };
    },
  },
  K8S_SVC_ACC_TOKEN_FILE: {
    description: "The Kubernetes service-account token of the pod Eris runs in (sent only to its own cluster).",
    fields: {},
    resolve: async (_block, access): Promise<Credential> => {
      const file = access.serviceAccountTokenPath;
      const token = asToken(await access.file(file), file, "K8S_SVC_ACC_TOKEN_FILE");
      return { kind: "token", type: "K8S_SVC_ACC_TOKEN_FILE", token };
    },
  },
};

export type ResolveOptions = {
  /** Registers each secret value read, for masking by value (a trial passes its SecretSet's `add`). */
  secret?: (value: string) => void;
  /** The allow-lists to read under; the process's own by default. */
  policy?: CredentialPolicy;
};

/** Reads through the policy for one credential, collecting where its values may go. */
function accessFor(type: string, policy: CredentialPolicy, bindings: Binding[], secret?: (v: string) => void) {
  const refuse = (err: unknown): never => {
    if (err instanceof CredentialUnavailable) throw new InvalidCredential(`Credential ${type}: ${err.message}`);
    throw err;
  };
  const access: CredentialAccess = {
    env: (name) => {
      try {
        const { value, binding } = policy.readEnv(name);
        if (binding) bindings.push(binding);
        secret?.(value);
        return value;
      } catch (err) {
        return refuse(err);
      }
    },
    file: async (file) => {
      try {
        const { content, binding } = await policy.readFile(file, "the file");
        if (binding) bindings.push(binding);
        // Kallisti kept trailing whitespace; a newline at the end of a token file breaks HTTP headers.
        const value = content.trim();
        secret?.(value);
        return value;
      } catch (err) {
        return refuse(err);
      }
    },
    serviceAccountTokenPath: policy.serviceAccountTokenPath,
  };
  return access;
}

/**
 * `{"type": "TOKEN_FILE", "token_path": ...}` → a credential, through the handler map. What the
 * handler reads goes through the allow-lists; the credential carries the bindings of everything
 * it was built from, and every resolved value is registered with `secret`.
 */
export async function resolveCredential(
  handlers: Record<string, CredentialHandler>,
  block: unknown,
  options: ResolveOptions = {},
): Promise<Credential> {
  if (!block || typeof block !== "object" || Array.isArray(block))
    throw new InvalidCredential("Invalid credential type: None");
  const { type, ...rest } = block as Record<string, unknown>;
  const handler = typeof type === "string" && Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (!handler) throw new InvalidCredential(`Invalid credential type: ${type === undefined ? "None" : String(type)}`);
  const bindings: Binding[] = [];
  const policy = options.policy ?? credentialPolicy();
  const credential = await handler.resolve(rest, accessFor(String(type), policy, bindings, options.secret));
  for (const v of credential.kind === "token" ? [credential.token] : [credential.username, credential.password])
    if (v) options.secret?.(v);
  const all = [...(credential.bindings ?? []), ...bindings];
  return all.length ? { ...credential, bindings: all } : credential;
}

/** Kallisti's Cloud Foundry default credential (CF_USERNAME / CF_PASSWORD), under the same allow-list. */
export function cloudFoundryDefaultCredential(options: ResolveOptions = {}): Promise<Credential> {
  const block = { type: "ENV_VAR_USERNAME_PASSWORD", username_key: "CF_USERNAME", password_key: "CF_PASSWORD" };
  return resolveCredential(BUILTIN_CREDENTIALS, block, options);
}
