/**
 * `npm start` builds only when the sources changed since the last build: a hash of every file the
 * web build reads is kept next to the build output.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createLogger, logSettings } from "@/lib/log/logger";
import { wrapLine } from "@/lib/log/wrap";

const ROOT = process.cwd();
export const NEXT = "node_modules/next/dist/bin/next";
const INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "package.json",
  "next.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
  "tsconfig.build.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
// Tests, migrations and the CLI (lib/cli: the web app never imports it) do not change the web build.
const SKIP = /(\.test\.tsx?$|__tests__|\/migrations\/|\/lib\/cli\/)/;
const DIST = path.join(ROOT, process.env.ERIS_DIST_DIR || ".next");
const HASH_FILE = path.join(DIST, "eris-source-hash");

function* files(p: string): Generator<string> {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isFile()) {
    if (!SKIP.test(p)) yield p;
    return;
  }
  for (const name of fs.readdirSync(p).sort()) yield* files(path.join(p, name));
}

export function sourceHash(skip: string[] = []): string {
  const h = createHash("sha256");
  for (const input of INPUTS.filter((i) => !skip.includes(i))) {
    for (const f of files(path.join(ROOT, input))) {
      h.update(path.relative(ROOT, f));
      h.update(fs.readFileSync(f));
    }
  }
  return h.digest("hex");
}

export function buildIsCurrent(hash: string): boolean {
  return (
    fs.existsSync(path.join(DIST, "BUILD_ID")) &&
    fs.existsSync(HASH_FILE) &&
    fs.readFileSync(HASH_FILE, "utf8") === hash
  );
}

export function recordBuild(hash: string): void {
  fs.writeFileSync(HASH_FILE, hash);
}

export function builtAt(): string | null {
  return fs.existsSync(HASH_FILE) ? fs.statSync(HASH_FILE).mtime.toISOString() : null;
}

/** Builds the web app when its sources changed since the last build; false when the build failed. */
export function buildIfStale(): boolean {
  const before = sourceHash();
  if (buildIsCurrent(before)) return true;
  const beforeSansTsconfig = sourceHash(["tsconfig.json"]);
  createLogger("supervisor", { tag: "eris" }).info("building the web app (first start or changed sources)…");
  // JSON logs: the build's own output is wrapped line by line too.
  const json = logSettings().format === "json";
  const build = spawnSync(process.execPath, [NEXT, "build"], {
    stdio: json ? ["inherit", "pipe", "pipe"] : "inherit",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (json) {
    for (const line of `${build.stdout}\n${build.stderr}`.split("\n")) {
      if (line.trim()) console.log(wrapLine(line, "build", "info"));
    }
  }
  if (build.status !== 0) return false;
  // `next build` may rewrite tsconfig.json: hash what the next start will see, unless another
  // source changed while the build ran (then the build is already stale: keep the old hash).
  recordBuild(sourceHash(["tsconfig.json"]) === beforeSansTsconfig ? sourceHash() : before);
  return true;
}
