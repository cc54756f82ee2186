/**
 * Compiles Eris's long-running processes (supervisor, runner) and its scripts to plain JavaScript
 * under .eris/jobs/, so that they run under `node` alone: no TypeScript loader in any process that
 * stays up. Rebuilt only when the sources it reads changed (a hash kept next to the output);
 * written to a temporary directory first and renamed, so a concurrent start never sees half of it.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = process.cwd();
export const OUT = path.join(ROOT, ".eris", "jobs");
// All of db/ (its migrations aside): what the processes import from it grows (prepared.ts, statement-cache.ts).
const INPUTS = ["jobs", "lib", "db", "package.json", "tsconfig.json"];
const SKIP = /(\.test\.tsx?$|\/migrations\/|\.mjs$|\.cjs$)/;
/** Entry points: the supervisor behind `npm start`, the runner, and the scripts. */
const ENTRIES = {
  start: "jobs/start.ts",
  index: "jobs/index.ts",
  web: "jobs/web.ts",
  build: "jobs/build.ts",
  prepare: "jobs/prepare.ts",
  migrate: "db/migrate.ts",
};

function* files(p) {
  if (!fs.existsSync(p)) return;
  if (fs.statSync(p).isFile()) {
    if (!SKIP.test(p) && /\.(ts|json)$/.test(p)) yield p;
    return;
  }
  for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
}

function sourceHash() {
  const h = createHash("sha256");
  for (const input of INPUTS) {
    for (const f of files(path.join(ROOT, input))) {
      h.update(path.relative(ROOT, f));
      h.update(fs.readFileSync(f));
    }
  }
  return h.digest("hex");
}

/** The compiled directory, compiled first when stale. */
export async function compileJobs() {
  const hash = sourceHash();
  const hashFile = path.join(OUT, "source-hash");
  if (fs.existsSync(hashFile) && fs.readFileSync(hashFile, "utf8") === hash) return OUT;
  const { build, stop } = await import("esbuild");
  const tmp = `${OUT}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: tmp,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies load from node_modules as they are; only Eris's own code is bundled.
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  // esbuild's compiler is a child process that would otherwise live on beside the supervisor.
  await stop();
  fs.writeFileSync(path.join(tmp, "source-hash"), hash);
  fs.rmSync(OUT, { recursive: true, force: true });
  try {
    fs.renameSync(tmp, OUT);
  } catch {
    // Another process finished the same compile first: use its output.
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return OUT;
}

// `node jobs/compile.mjs`: compile when stale (jobs/launch.mjs runs it before each program).
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) await compileJobs();
