/**
 * The catalogue the wizard renders forms from: every namespace, its actions and the JSON Schema of
 * each action's arguments (user modules included), the credential types and the expect operators.
 */
import { z } from "zod";
import type { LoadedToolbox } from "@/lib/plugins/toolbox";
import { OPERATORS } from "./expect";

function argsSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    const out = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Record<
      string,
      unknown
    >;
    delete out.$schema;
    return out;
  } catch {
    return { type: "object", description: "This action's arguments cannot be described as JSON Schema." };
  }
}

/**
 * The namespace whose module this one is under another name (`istio` → `k8s`: in Kallisti both map
 * to the same module), or null. Pickers list each action once; either name stays a valid `do`.
 */
function aliasOf(toolbox: LoadedToolbox, namespace: string): string | null {
  const builtin = /^builtin:(.+)$/.exec(toolbox.sources[namespace] ?? "")?.[1];
  if (!builtin || builtin === namespace) return null;
  return toolbox.modules[builtin] === toolbox.modules[namespace] ? builtin : null;
}

export function catalogue(toolbox: LoadedToolbox) {
  return {
    modules: Object.entries(toolbox.modules)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([namespace, mod]) => ({
        namespace,
        source: toolbox.sources[namespace] ?? null,
        alias_of: aliasOf(toolbox, namespace),
        description: mod.description,
        actions: Object.entries(mod.actions)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, action]) => ({
            name,
            do: `${namespace}.${name}`,
            description: action.description,
            args_schema: argsSchema(action.args),
          })),
      })),
    credentials: Object.entries(toolbox.credentials).map(([type, h]) => ({
      type,
      description: h.description,
      fields: h.fields,
    })),
    expect_operators: Object.keys(OPERATORS),
  };
}
