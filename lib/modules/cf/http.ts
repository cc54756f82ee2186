/**
 * One HTTP(S) request for the cf module. node:https rather than fetch, because `verify_ssl: false`
 * (a foundation with a self-signed certificate) needs `rejectUnauthorized` per request, which
 * fetch cannot take without a dispatcher package. The step's signal aborts the request.
 */
import http from "node:http";
import https from "node:https";

export type HttpRequest = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  verifyTls: boolean;
  signal: AbortSignal;
};

export type HttpResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

export function request(r: HttpRequest): Promise<HttpResponse> {
  const url = new URL(r.url);
  const secure = url.protocol === "https:";
  const options: https.RequestOptions = {
    method: r.method,
    headers: { ...r.headers, ...(r.body === undefined ? {} : { "content-length": Buffer.byteLength(r.body) }) },
    signal: r.signal,
    ...(secure ? { rejectUnauthorized: r.verifyTls } : {}),
  };
  return new Promise((resolve, reject) => {
    if (r.signal.aborted) return reject(r.signal.reason);
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", (err) => reject(r.signal.aborted ? r.signal.reason : err));
    req.end(r.body);
  });
}

/** The body as JSON, or undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
