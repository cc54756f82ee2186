/**
 * Builds the module map, the credential-handler map, the trial observers and the creation hooks
 * from the built-ins and the plug-in configuration. User modules are ES modules loaded by path.
 * Both the web app (catalogue, validation) and the runner (execution) use it.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import { type CredentialHandler, InvalidCredential } from "@/lib/credentials/types";
import { BUILTIN_MODULES, type ModuleMap, type Toolbox } from "@/lib/modules/registry";
import { FailedAction, type ModuleDef, defineAction, sleep } from "@/lib/modules/types";
import { type LoadedConfig, readPluginConfig } from "./config-file";
import type { TrialHook } from "./hooks";
import { type TrialObserver, webhookObserver } from "./observers";

/** What a plug-in file's default export receives, so it needs no dependency of its own. */
export const PLUGIN_KIT = { z, defineAction, FailedAction, InvalidCredential, sleep };
export type PluginKit = typeof PLUGIN_KIT;

export type LoadedToolbox = Toolbox & {
  /** namespace → "builtin:<name>" or the file it came from, for the catalogue. */
  sources: Record<string, string>;
  observers: { name: string; notify: TrialObserver }[];
  hooks: { name: string; run: TrialHook }[];
};

const DEFAULT_MODULE_MAP: Record<string, string> = {
  cm: "cm",
  k8s: "k8s",
  istio: "k8s",
  prom: "prom",
  aws: "aws",
  cf: "cf",
  chaosmesh: "chaosmesh",
};

/**
 * Imports a plug-in file's default export. Modules and credential handlers may export a factory
 * `(kit) => definition` (so they can use our zod); observers and hooks export the function itself.
 */
async function importPlugin(dir: string, ref: string, factory: boolean): Promise<{ file: string; value: unknown }> {
  const file = path.resolve(dir, ref);
  let mod: { default?: unknown };
  try {
    mod = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(file).href);
  } catch (err) {
    throw new Error(`cannot load plug-in ${file}: ${(err as Error).message}`);
  }
  const value =
    factory && typeof mod.default === "function"
      ? await (mod.default as (kit: PluginKit) => unknown)(PLUGIN_KIT)
      : mod.default;
  return { file, value };
}

function asModule(file: string, value: unknown): ModuleDef {
  const m = value as ModuleDef;
  if (!m || typeof m !== "object" || !m.actions || typeof m.actions !== "object") {
    throw new Error(`plug-in ${file} must export (or return) { description, actions: { name: { args, run } } }`);
  }
  for (const [name, a] of Object.entries(m.actions)) {
    if (!a || typeof a.run !== "function" || !a.args || typeof (a.args as z.ZodType).safeParse !== "function") {
      throw new Error(`plug-in ${file}: action "${name}" needs a zod \`args\` schema and a \`run\` function`);
    }
  }
  return { description: m.description ?? "", actions: m.actions };
}

export async function loadToolbox(loaded: LoadedConfig = readPluginConfig()): Promise<LoadedToolbox> {
  const { config, dir } = loaded;
  const modules: ModuleMap = {};
  const sources: Record<string, string> = {};
  const map = { ...DEFAULT_MODULE_MAP, ...config.modules };
  for (const [namespace, ref] of Object.entries(map)) {
    if (ref === null) continue; // removed by the configuration
    if (Object.hasOwn(BUILTIN_MODULES, ref)) {
      modules[namespace] = BUILTIN_MODULES[ref];
      sources[namespace] = `builtin:${ref}`;
    } else if (/[/\\.]/.test(ref)) {
      const { file, value } = await importPlugin(dir, ref, true);
      modules[namespace] = asModule(file, value);
      sources[namespace] = file;
    } else if (!Object.hasOwn(DEFAULT_MODULE_MAP, namespace)) {
      throw new Error(
        `module map: "${namespace}" → "${ref}" is neither a built-in module (${Object.keys(BUILTIN_MODULES).join(", ")}) nor a file path`,
      );
    }
  }

  const credentials: Record<string, CredentialHandler> = { ...BUILTIN_CREDENTIALS };
  for (const [type, ref] of Object.entries(config.credentials)) {
    const { file, value } = await importPlugin(dir, ref, true);
    const h = value as CredentialHandler;
    if (!h || typeof h.resolve !== "function")
      throw new Error(`credential handler ${file} must provide resolve(block)`);
    credentials[type] = { description: h.description ?? "", fields: h.fields ?? {}, resolve: h.resolve };
  }

  const observers: LoadedToolbox["observers"] = [];
  for (const o of config.observers) {
    if ("type" in o) observers.push({ name: `webhook ${o.url}`, notify: webhookObserver(o) });
    else {
      const { file, value } = await importPlugin(dir, o.module, false);
      if (typeof value !== "function") throw new Error(`observer ${file} must export (or return) a function`);
      observers.push({ name: file, notify: value as TrialObserver });
    }
  }

  const hooks: LoadedToolbox["hooks"] = [];
  for (const ref of config.hooks) {
    const { file, value } = await importPlugin(dir, ref, false);
    if (typeof value !== "function") throw new Error(`hook ${file} must export (or return) a function`);
    hooks.push({ name: file, run: value as TrialHook });
  }
  return { modules, credentials, sources, observers, hooks };
}

// One toolbox per process, loaded on first use (never at build time).
const holder = globalThis as unknown as { __erisToolbox?: Promise<LoadedToolbox> };
export function getToolbox(): Promise<LoadedToolbox> {
  holder.__erisToolbox ??= loadToolbox().catch((err) => {
    holder.__erisToolbox = undefined;
    throw err;
  });
  return holder.__erisToolbox;
}
