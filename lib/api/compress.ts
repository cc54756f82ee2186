/**
 * Compression of cached JSON answers (lib/api/public-json.ts): brotli or gzip, as the client
 * prefers, compressed once per ETag and kept in a cache bounded by size, so a large answer polled
 * by many clients is not compressed again for each. The framework would only gzip, every time.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
const MIN_BYTES = 1024;
const MAX_CACHED_BYTES = 16 * 1024 * 1024;

export type Encoding = "br" | "gzip";

const holder = globalThis as unknown as { __erisCompressed?: LRUCache<string, Buffer> };
holder.__erisCompressed ??= new LRUCache<string, Buffer>({
  maxSize: MAX_CACHED_BYTES,
  sizeCalculation: (b) => Math.max(1, b.byteLength),
});
const cache = holder.__erisCompressed;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The encoding the client prefers among those offered, or null for none (identity). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } });
  // Among encodings the client rates equally, ours: brotli first (smaller), then gzip. (negotiator
  // 1.x takes `preferred`; its published types predate it.)
  const encoding = negotiator.encoding as (available: string[], opts: { preferred: string[] }) => string | undefined;
  const chosen = encoding.call(negotiator, ["br", "gzip", "identity"], { preferred: ["br", "gzip", "identity"] });
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

/** The body compressed with `encoding` (null when too small to be worth it), kept for this ETag. */
export async function compressed(etag: string, encoding: Encoding, body: string): Promise<Buffer | null> {
  if (Buffer.byteLength(body) < MIN_BYTES) return null;
  const key = `${encoding}:${etag}`;
  const out =
    encoding === "br"
      ? // Quality 5: most of brotli's gain at a fraction of its default (11) cost, as web servers use.
        await brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : await gzipped(body, { level: 6 });
  cache.set(key, out);
  return out;
}

/** Whether the compressed form of this ETag is cached (then the body need not be built). */
export function compressedCached(etag: string, encoding: Encoding): Buffer | undefined {
  return cache.get(`${encoding}:${etag}`);
}
