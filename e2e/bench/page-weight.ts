/**
 * First-load JavaScript per main page, read from the production build's manifests (`.next`, or
 * ERIS_DIST_DIR): the shared runtime chunks plus every chunk the page's layouts and page need,
 * counted once, raw and gzipped. Run `npm run build` (or `npm start` once) first.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const DIST = path.resolve(process.env.ERIS_DIST_DIR || ".next");
const PAGES = [
  ["/", "(dashboard)/page"],
  ["/experiments", "(dashboard)/experiments/page"],
  ["/experiments/new", "(dashboard)/experiments/new/page"],
  ["/experiments/[id]", "(dashboard)/experiments/[id]/page"],
  ["/schedules", "(dashboard)/schedules/page"],
  ["/schedules/new", "(dashboard)/schedules/new/page"],
  ["/trials", "(dashboard)/trials/page"],
  ["/trials/[id]", "(dashboard)/trials/[id]/page"],
  ["/signin", "(auth)/signin/page"],
  ["/docs", "docs/page"],
];

function chunksOf(page: string): string[] {
  const dir = path.join(DIST, "server", "app", path.dirname(page));
  const base = path.basename(page);
  const build = JSON.parse(fs.readFileSync(path.join(dir, base, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const g = globalThis as unknown as { __RSC_MANIFEST: Record<string, { entryJSFiles: Record<string, string[]> }> };
  g.__RSC_MANIFEST = {};
  new Function(fs.readFileSync(path.join(dir, `${base}_client-reference-manifest.js`), "utf8"))();
  const manifest = Object.values(g.__RSC_MANIFEST)[0];
  return [...new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])];
}

export async function benchPageWeight(): Promise<void> {
  if (!fs.existsSync(path.join(DIST, "BUILD_ID"))) {
    console.log(`First-load JS: no build in ${DIST}; run \`npm run build\` first.`);
    return;
  }
  console.log("First-load JavaScript per page (production build)");
  for (const [route, page] of PAGES) {
    try {
      const files = chunksOf(page).map((f) => fs.readFileSync(path.join(DIST, f)));
      const raw = files.reduce((n, b) => n + b.length, 0);
      const gz = files.reduce((n, b) => n + zlib.gzipSync(b).length, 0);
      console.log(
        `  ${route.padEnd(20)} ${(gz / 1024).toFixed(0).padStart(5)} kB gzip  ${(raw / 1024).toFixed(0).padStart(6)} kB raw  (${files.length} chunks)`,
      );
    } catch (err) {
      console.log(`  ${route.padEnd(20)} not found in the build (${(err as Error).message.split("\n")[0]})`);
    }
  }
}
