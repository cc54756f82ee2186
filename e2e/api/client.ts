/**
 * Calls the real route handlers in-process, the way Next.js does: a Request in, a Response out,
 * against the test file's own SQLite database.
 */
import * as audit from "@/app/api/v1/audit/route";
import * as me from "@/app/api/v1/auth/me/route";
import * as tokenOne from "@/app/api/v1/auth/token/[id]/route";
import * as tokens from "@/app/api/v1/auth/token/route";
import * as report from "@/app/api/v1/report/route";
import * as reportSchema from "@/app/api/v1/report/schema/route";
import * as root from "@/app/api/v1/route";
import * as setup from "@/app/api/v1/setup/route";
import * as userOne from "@/app/api/v1/users/[id]/route";
import * as users from "@/app/api/v1/users/route";
import * as catchAll from "@/app/api/v1/[...path]/route";
import * as experiment from "@/app/api/v1/experiment/[id]/route";
import * as experimentStats from "@/app/api/v1/experiment/[id]/stats/route";
import * as blackoutOne from "@/app/api/v1/blackout/[id]/route";
import * as blackout from "@/app/api/v1/blackout/route";
import * as guardOne from "@/app/api/v1/guard/[id]/route";
import * as guards from "@/app/api/v1/guard/route";
import * as experimentExport from "@/app/api/v1/experiment/[id]/export/route";
import * as importDocument from "@/app/api/v1/import/route";
import * as revisionOne from "@/app/api/v1/experiment/[id]/revisions/[revision]/route";
import * as revisions from "@/app/api/v1/experiment/[id]/revisions/route";
import * as schedule from "@/app/api/v1/experiment/[id]/schedule/[sid]/route";
import * as schedules from "@/app/api/v1/experiment/[id]/schedule/route";
import * as experiments from "@/app/api/v1/experiment/route";
import * as health from "@/app/api/v1/health/route";
import * as info from "@/app/api/v1/info/route";
import * as modules from "@/app/api/v1/modules/route";
import * as runner from "@/app/api/v1/runner/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as preview from "@/app/api/v1/schedule/preview/route";
import * as allSchedules from "@/app/api/v1/schedule/route";
import * as upcoming from "@/app/api/v1/schedule/upcoming/route";
import * as trialStats from "@/app/api/v1/stats/trials/route";
import * as scoreSummary from "@/app/api/v1/stats/scores/route";
import * as signal from "@/app/api/v1/signal/route";
import * as trialEvents from "@/app/api/v1/trial/[id]/events/route";
import * as trialStop from "@/app/api/v1/trial/[id]/stop/route";
import * as trial from "@/app/api/v1/trial/[id]/route";
import * as trials from "@/app/api/v1/trial/route";
import * as notification from "@/app/api/v1/notification/route";
import * as notificationSettings from "@/app/api/v1/notification/settings/route";
import * as notificationTest from "@/app/api/v1/notification/test/route";

import { SEED_003_EXPERIMENT } from "@/e2e/fixtures/seeds";
import { IDENTITIES, type Who } from "./identities";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: [RegExp, object, string[]][] = [
  [/^\/api\/v1\/?$/, root, []],
  [/^\/api\/v1\/health\/?$/, health, []],
  [/^\/api\/v1\/report\/?$/, report, []],
  [/^\/api\/v1\/report\/schema\/?$/, reportSchema, []],
  [/^\/api\/v1\/setup\/?$/, setup, []],
  [/^\/api\/v1\/audit\/?$/, audit, []],
  [/^\/api\/v1\/auth\/me\/?$/, me, []],
  [/^\/api\/v1\/auth\/token\/?$/, tokens, []],
  [/^\/api\/v1\/auth\/token\/([^/]+)\/?$/, tokenOne, ["id"]],
  [/^\/api\/v1\/users\/?$/, users, []],
  [/^\/api\/v1\/users\/([^/]+)\/?$/, userOne, ["id"]],
  [/^\/api\/v1\/info\/?$/, info, []],
  [/^\/api\/v1\/modules\/?$/, modules, []],
  [/^\/api\/v1\/runner\/?$/, runner, []],
  [/^\/api\/v1\/openapi\.json\/?$/, openapi, []],
  [/^\/api\/v1\/schedule\/preview\/?$/, preview, []],
  [/^\/api\/v1\/schedule\/?$/, allSchedules, []],
  [/^\/api\/v1\/schedule\/upcoming\/?$/, upcoming, []],
  [/^\/api\/v1\/stats\/trials\/?$/, trialStats, []],
  [/^\/api\/v1\/stats\/scores\/?$/, scoreSummary, []],
  [/^\/api\/v1\/signal\/?$/, signal, []],
  [/^\/api\/v1\/experiment\/?$/, experiments, []],
  [/^\/api\/v1\/experiment\/([^/]+)\/?$/, experiment, ["id"]],
  [/^\/api\/v1\/import\/?$/, importDocument, []],
  [/^\/api\/v1\/experiment\/([^/]+)\/export\/?$/, experimentExport, ["id"]],
  [/^\/api\/v1\/experiment\/([^/]+)\/revisions\/?$/, revisions, ["id"]],
  [/^\/api\/v1\/experiment\/([^/]+)\/stats\/?$/, experimentStats, ["id"]],
  [/^\/api\/v1\/blackout\/?$/, blackout, []],
  [/^\/api\/v1\/blackout\/([^/]+)\/?$/, blackoutOne, ["id"]],
  [/^\/api\/v1\/guard\/?$/, guards, []],
  [/^\/api\/v1\/guard\/([^/]+)\/?$/, guardOne, ["id"]],
  [/^\/api\/v1\/experiment\/([^/]+)\/revisions\/([^/]+)\/?$/, revisionOne, ["id", "revision"]],
  [/^\/api\/v1\/experiment\/([^/]+)\/schedule\/?$/, schedules, ["id"]],
  [/^\/api\/v1\/experiment\/([^/]+)\/schedule\/([^/]+)\/?$/, schedule, ["id", "sid"]],
  [/^\/api\/v1\/trial\/?$/, trials, []],
  [/^\/api\/v1\/trial\/([^/]+)\/?$/, trial, ["id"]],
  [/^\/api\/v1\/trial\/([^/]+)\/stop\/?$/, trialStop, ["id"]],
  [/^\/api\/v1\/notification\/?$/, notification, []],
  [/^\/api\/v1\/notification\/settings\/?$/, notificationSettings, []],
  [/^\/api\/v1\/notification\/test\/?$/, notificationTest, []],
  [/^\/api\/v1\/trial\/([^/]+)\/events\/?$/, trialEvents, ["id"]],
  [/^\/api\/v1\/(.+)$/, catchAll, ["path"]],
];

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

/** Calls a route as `as` (admin by default: every test file has one account per role). */
export async function api<T = any>(
  method: string,
  path: string,
  body?: unknown,
  init: {
    headers?: Record<string, string>;
    raw?: string;
    /** A form body (url-encoded or multipart); the Request sets its content type. */
    form?: URLSearchParams | FormData;
    as?: Who;
    rawBody?: boolean;
  } = {},
): Promise<ApiResponse<T>> {
  const url = new URL(path, "http://eris.test");
  const match = ROUTES.map(([re, mod, names]) => ({ m: re.exec(url.pathname), mod, names })).find((r) => r.m);
  if (!match?.m) throw new Error(`no route for ${path}`);
  const params = Object.fromEntries(match.names.map((n, i) => [n, decodeURIComponent(match.m![i + 1])]));
  const who = init.as ?? "admin";
  const headers: Record<string, string> = {
    ...(who === "anonymous" ? {} : { authorization: `Bearer ${IDENTITIES[who].token}` }),
    ...init.headers,
  };
  let payload: string | URLSearchParams | FormData | undefined = init.form ?? init.raw;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(url, { method, headers, body: payload });
  const handler = (match.mod as Record<string, Handler | undefined>)[method];
  if (!handler) throw new Error(`${method} is not exported by the route for ${path}`);
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  const isJson = (res.headers.get("content-type") ?? "application/json").includes("json") && !init.rawBody;
  const parsed = !text ? null : isJson ? JSON.parse(text) : text;
  return { status: res.status, headers: res.headers, body: parsed as T };
}

export { SEED_003_EXPERIMENT } from "@/e2e/fixtures/seeds";

export async function createExperiment(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/experiment/", { ...SEED_003_EXPERIMENT, ...overrides });
  if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string } & Record<string, unknown>;
}
