// The yardstick of `npm run bench -- compare`: the smallest server that answers the experiment
// list and detail from the same SQLite file, node:http + better-sqlite3, no framework. It still
// parses and re-encodes the stored JSON on every request, as a naive server would.
import http from "node:http";
import Database from "better-sqlite3";

const db = new Database(process.argv[2], { readonly: true });
const list = db.prepare("select * from experiments where deleted_at is null order by created_at desc");
const one = db.prepare("select * from experiments where id = ?");
const JSON_COLUMNS = ["metadata", "parameters", "pre_steps", "steps", "post_steps", "guards"];
const shape = (r) => {
  for (const c of JSON_COLUMNS) r[c] = JSON.parse(r[c]);
  return r;
};
http
  .createServer((req, res) => {
    const m = /^\/api\/v1\/experiment\/([0-9a-f-]{36})\/?$/.exec(req.url);
    const body = m ? one.get(m[1]) : req.url.startsWith("/api/v1/experiment") ? list.all() : undefined;
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(Array.isArray(body) ? body.map(shape) : shape(body)));
  })
  .listen(Number(process.argv[3]), "127.0.0.1");
