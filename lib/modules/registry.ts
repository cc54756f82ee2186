/**
 * The module map: namespace → module. Built-in modules are registered here; the configuration
 * can add user modules by path (`ERIS_MODULES`), and `istio` maps to the same module as `k8s`.
 */
import { BUILTIN_CREDENTIALS } from "@/lib/credentials/handlers";
import type { CredentialHandler } from "@/lib/credentials/types";
import { aws } from "./aws";
import { cf } from "./cf";
import { chaosmesh } from "./chaosmesh";
import { cm } from "./cm";
import { k8s } from "./k8s";
import { prom } from "./prom";
import type { ActionDef, ModuleDef } from "./types";

export type ModuleMap = Record<string, ModuleDef>;

export const BUILTIN_MODULES: ModuleMap = { cm, prom, k8s, istio: k8s, aws, cf, chaosmesh };

/** What a trial can call: the module map and the credential-handler map. */
export type Toolbox = { modules: ModuleMap; credentials: Record<string, CredentialHandler> };

export const BUILTIN_TOOLBOX: Toolbox = { modules: BUILTIN_MODULES, credentials: BUILTIN_CREDENTIALS };

export type ResolvedAction = { namespace: string; name: string; action: ActionDef };

/** `cm.http_probe` → the action, or an error message in Kallisti's words ("zz", "cm.nope"). */
export function resolveAction(modules: ModuleMap, doName: string): ResolvedAction | { error: string } {
  const dot = doName.indexOf(".");
  const namespace = dot < 0 ? doName : doName.slice(0, dot);
  const name = dot < 0 ? "" : doName.slice(dot + 1);
  const mod = Object.hasOwn(modules, namespace) ? modules[namespace] : undefined;
  if (!mod) return { error: `Unknown module "${namespace}" (known: ${Object.keys(modules).sort().join(", ")})` };
  if (Object.hasOwn(mod.actions, name)) return { namespace, name, action: mod.actions[name] };
  const alias = mod.resolveName?.(name) ?? null;
  if (alias && "error" in alias) return alias;
  if (alias && Object.hasOwn(mod.actions, alias.name))
    return { namespace, name: alias.name, action: mod.actions[alias.name] };
  return { error: `Could not find function "${doName}" in module "${namespace}"` };
}
