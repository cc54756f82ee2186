/**
 * `npm start` (`node jobs/launch.mjs start`), `npm run runner` (`… index`), `npm run migrate` and
 * the build step: compile jobs/ to plain JavaScript when its sources changed, then run the entry
 * point in this same process (no launcher stays behind, signals reach the program itself).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compileJobs } from "./compile.mjs";

const entry = process.argv[2] ?? "start";
const dir = await compileJobs();
process.argv.splice(2, 1);
await import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href);
