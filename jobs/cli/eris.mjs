#!/usr/bin/env node
// The `eris` command (package.json "bin"). It runs the prebuilt plain-JavaScript bundle when there
// is one (`npm run build:cli`, done by the container image), and otherwise the TypeScript source
// through tsx, which Eris depends on anyway.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const bundle = fileURLToPath(new URL("./dist/eris.mjs", import.meta.url));
let main;
if (existsSync(bundle)) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { tsImport } = await import("tsx/esm/api");
  ({ main } = await tsImport("../../lib/cli/main.ts", import.meta.url));
}
process.exitCode = await main(process.argv.slice(2));
