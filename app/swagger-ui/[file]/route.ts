/**
 * The API reference's two files, served as they come in the `swagger-ui-dist` package: the
 * prebuilt bundle is loaded by the browser as is, never through the app's bundler (Turbopack
 * mis-bundles swagger-client's ApiDOM for OpenAPI 3.1 and the reference breaks).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

const FILES: Record<string, string> = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
};

// Read from the installed package when the server runs (the server starts in the app's directory);
// kept out of build-time file tracing, like every other file the server reads at run time.
const distDir = () => path.resolve(/*turbopackIgnore: true*/ "node_modules/swagger-ui-dist");

// GET /swagger-ui/{file} — public, like the reference page that loads it
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = FILES[file];
  if (!type) return Response.json({ detail: "Not found." }, { status: 404 });
  const body = await readFile(path.join(distDir(), file));
  return new Response(new Uint8Array(body), {
    headers: { "content-type": type, "cache-control": "public, max-age=3600" },
  });
}
