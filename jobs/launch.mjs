/**
 * `npm start` (`node jobs/launch.mjs start`), `npm run runner` (`… index`), `npm run migrate` and
 * the build step: compile jobs/ to plain JavaScript when its sources changed, then run the entry
 * point in this same process (no launcher stays behind, signals reach the program itself).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { OUT } from "./compile.mjs";

const entry = process.argv[2] ?? "start";
// The staleness check reads every source file (and may load the compiler): it runs in a process
// of its own, so that the long-running program started here keeps none of that memory (5 to 10 MB).
const compiled = spawnSync(process.execPath, [fileURLToPath(new URL("./compile.mjs", import.meta.url))], {
  stdio: "inherit",
});
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(OUT, `${entry}.mjs`)).href);
