import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { catalogue } from "@/lib/modules/catalogue";
import { readPluginConfig } from "./config-file";
import { loadToolbox } from "./toolbox";

const FIXTURES = path.resolve("e2e/fixtures/plugins");

function configFile(content: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-config-"));
  const file = path.join(dir, "eris.config.json");
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

test("without a configuration the built-in modules and credential types are there", async () => {
  const tb = await loadToolbox(readPluginConfig({ ERIS_CONFIG: undefined }));
  expect(Object.keys(tb.modules)).toEqual(expect.arrayContaining(["cm"]));
  expect(Object.keys(tb.credentials)).toEqual(["ENV_VAR_USERNAME_PASSWORD", "TOKEN_FILE", "K8S_SVC_ACC_TOKEN_FILE"]);
  expect(tb.observers).toEqual([]);
  if (tb.modules.k8s) expect(tb.modules.istio).toBe(tb.modules.k8s); // istio maps to the k8s module, as in Kallisti
});

test("a user module loads by path and shows in the catalogue with its argument schema", async () => {
  const file = configFile({
    modules: { greeter: path.join(FIXTURES, "greeter.mjs") },
    hooks: [path.join(FIXTURES, "stamp-hook.mjs")],
  });
  const tb = await loadToolbox(readPluginConfig({ ERIS_CONFIG: file }));
  expect(tb.sources.greeter).toBe(path.join(FIXTURES, "greeter.mjs"));
  const greet = tb.modules.greeter.actions.greet;
  expect(await greet.run(greet.args.parse({ name: "ada", shout: true }), {} as never)).toEqual({
    greeting: "HELLO ADA",
  });
  const entry = catalogue(tb).modules.find((m) => m.namespace === "greeter");
  expect(entry?.actions.map((a) => a.do)).toEqual(["greeter.greet", "greeter.refuse"]);
  expect(entry?.actions[0].args_schema).toMatchObject({
    type: "object",
    properties: { name: { type: "string", description: "Who to greet" }, shout: { type: "boolean", default: false } },
    required: ["name"],
  });
  expect(tb.hooks).toHaveLength(1);
});

test("configuration mistakes fail at load with the entry named", async () => {
  expect(() => readPluginConfig({ ERIS_CONFIG: "/nope/eris.config.json" })).toThrow(
    "ERIS_CONFIG: /nope/eris.config.json does not exist",
  );
  expect(() => readPluginConfig({ ERIS_CONFIG: configFile("{oops") })).toThrow("not valid JSON");
  expect(() =>
    readPluginConfig({ ERIS_CONFIG: configFile({ observers: [{ type: "webhook", url: "nope" }] }) }),
  ).toThrow("observers.0");
  expect(() => readPluginConfig({ ERIS_CONFIG: configFile({ modulez: {} }) })).toThrow(/Unrecognized key/);
  await expect(
    loadToolbox(readPluginConfig({ ERIS_CONFIG: configFile({ modules: { x: "./missing.mjs" } }) })),
  ).rejects.toThrow("cannot load plug-in");
  await expect(
    loadToolbox(readPluginConfig({ ERIS_CONFIG: configFile({ modules: { x: "nosuchbuiltin" } }) })),
  ).rejects.toThrow('module map: "x" → "nosuchbuiltin" is neither a built-in module');
});
