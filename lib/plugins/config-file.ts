/**
 * The plug-in configuration: one JSON file (`ERIS_CONFIG`, default `./eris.config.json` when it
 * exists), validated at load with messages that name the entry at fault. Paths are relative to the file.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDirEntry, parseEnvEntry } from "@/lib/credentials/allow-list";

const webhookObserver = z.object({
  type: z.literal("webhook"),
  url: z.url(),
  // The HMAC key is read from this environment variable, so the file holds no secret.
  secret_env: z.string().optional(),
  retries: z.number().int().min(0).max(10).default(3),
  timeout_seconds: z.number().positive().max(120).default(10),
});
const moduleObserver = z.object({ module: z.string().min(1) });

const hostList = z.array(z.string().min(1)).optional();
/** What credential handlers may read (merged with ERIS_CREDENTIAL_ENV / ERIS_CREDENTIAL_DIRS). */
const credentialAccess = z
  .object({
    env: z.array(z.union([z.string().min(1), z.object({ name: z.string().min(1), hosts: hostList }).strict()])),
    dirs: z.array(z.union([z.string().min(1), z.object({ path: z.string().min(1), hosts: hostList }).strict()])),
  })
  .partial()
  .strict()
  .superRefine((access, ctx) => {
    access.env?.forEach((entry, i) => {
      const parsed = parseEnvEntry(entry);
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", path: ["env", i], message: parsed });
    });
    access.dirs?.forEach((entry, i) => {
      const parsed = parseDirEntry(entry, "/");
      if (typeof parsed === "string") ctx.addIssue({ code: "custom", path: ["dirs", i], message: parsed });
    });
  });

export const pluginConfigSchema = z
  .object({
    modules: z
      .record(
        z.string().regex(/^[A-Za-z_][\w-]*$/, "a namespace is letters, digits, _ or -"),
        z.string().min(1).nullable(),
      )
      .default({}),
    credentials: z.record(z.string().min(1), z.string().min(1)).default({}),
    observers: z.array(z.union([webhookObserver, moduleObserver])).default([]),
    hooks: z.array(z.string().min(1)).default([]),
    credential_access: credentialAccess.default({}),
  })
  .strict();

export type PluginConfig = z.output<typeof pluginConfigSchema>;
export type WebhookObserverConfig = z.output<typeof webhookObserver>;

export type LoadedConfig = { file: string | null; dir: string; config: PluginConfig };

export function readPluginConfig(env: Record<string, string | undefined> = process.env): LoadedConfig {
  const explicit = env.ERIS_CONFIG;
  // Read at run time from wherever the operator put it: keep it out of build-time file tracing.
  const file = path.resolve(/*turbopackIgnore: true*/ explicit ?? "eris.config.json");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    if (explicit) throw new Error(`ERIS_CONFIG: ${file} does not exist`);
    return { file: null, dir: process.cwd(), config: pluginConfigSchema.parse({}) };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = pluginConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new Error(`${file}: ${problems.join("; ")}`);
  }
  return { file, dir: path.dirname(file), config: parsed.data };
}
