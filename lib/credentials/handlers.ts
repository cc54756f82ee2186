import fs from "node:fs/promises";
import { type Credential, type CredentialHandler, InvalidCredential } from "./types";

/** Where Kubernetes mounts a pod's service-account token. */
export const SERVICE_ACCOUNT_TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";

const str = (block: Record<string, unknown>, key: string, type: string): string => {
  const v = block[key];
  if (typeof v !== "string" || !v)
    throw new InvalidCredential(`Credential ${type} needs "${key}" (a non-empty string)`);
  return v;
};

async function readToken(path: string, type: string): Promise<string> {
  try {
    // Kallisti kept trailing whitespace; a newline at the end of a token file breaks HTTP headers.
    return (await fs.readFile(path, "utf8")).trim();
  } catch (err) {
    throw new InvalidCredential(
      `Credential ${type}: cannot read token file ${path} (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}

export const BUILTIN_CREDENTIALS: Record<string, CredentialHandler> = {
  ENV_VAR_USERNAME_PASSWORD: {
    description: "Username and password read from environment variables of the runner.",
    fields: {
      username_key: "name of the variable holding the username",
      password_key: "name of the variable holding the password",
    },
    resolve: async (block): Promise<Credential> => ({
      kind: "username_password",
      type: "ENV_VAR_USERNAME_PASSWORD",
      username: process.env[str(block, "username_key", "ENV_VAR_USERNAME_PASSWORD")],
      password: process.env[str(block, "password_key", "ENV_VAR_USERNAME_PASSWORD")],
    }),
  },
  TOKEN_FILE: {
    description: "A bearer token read from a file on the runner's machine.",
    fields: { token_path: "path of the file holding the token" },
    resolve: async (block): Promise<Credential> => ({
      kind: "token",
      type: "TOKEN_FILE",
      token: await readToken(str(block, "token_path", "TOKEN_FILE"), "TOKEN_FILE"),
    }),
  },
  K8S_SVC_ACC_TOKEN_FILE: {
    description: "The Kubernetes service-account token of the pod Eris runs in.",
    fields: {},
    resolve: async (): Promise<Credential> => ({
      kind: "token",
      type: "K8S_SVC_ACC_TOKEN_FILE",
      token: await readToken(
        process.env.ERIS_SERVICE_ACCOUNT_TOKEN_PATH ?? SERVICE_ACCOUNT_TOKEN_PATH,
        "K8S_SVC_ACC_TOKEN_FILE",
      ),
    }),
  },
};

/** `{"type": "TOKEN_FILE", "token_path": ...}` → a credential, through the handler map. */
export async function resolveCredential(
  handlers: Record<string, CredentialHandler>,
  block: unknown,
): Promise<Credential> {
  if (!block || typeof block !== "object" || Array.isArray(block))
    throw new InvalidCredential("Invalid credential type: None");
  const { type, ...rest } = block as Record<string, unknown>;
  const handler = typeof type === "string" && Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  if (!handler) throw new InvalidCredential(`Invalid credential type: ${type === undefined ? "None" : String(type)}`);
  return handler.resolve(rest);
}
