/**
 * chaoscf.api, which Kallisti exposes as steps too: `call_api` for anything the other actions do
 * not cover, and the lookups (org, space, app, routes, instances, binding) as probes.
 */
import { z } from "zod";
import { type ActionDef, FailedAction, defineAction } from "../types";
import { appByName, appRoutesByHost, appsForOrg, instanceStats, orgByName, routesByHost, spaceByName } from "./lookup";
import { cfArgs, connect, placeArgs } from "./session";

const app_name = z.string().min(1).describe("Application name");
const org_name = z.string().min(1).describe("Organization");

export const apiActions: Record<string, ActionDef> = {
  call_api: defineAction({
    description:
      "Calls any Cloud Controller path (e.g. /v3/apps) with the step's login; fails on a status of 400 or more; returns {status_code, response}.",
    args: cfArgs({
      path: z.string().regex(/^\//, "a path on the API, starting with /").describe("Path, e.g. /v3/apps"),
      query: z
        .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
        .optional()
        .describe("Query parameters"),
      body: z.unknown().optional().describe("JSON body"),
      method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET").describe("HTTP method"),
      headers: z.record(z.string(), z.string()).optional().describe("Extra headers"),
    }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const sent = await cf.send(a.method, a.path, { query: a.query, body: a.body, headers: a.headers });
      return { status_code: sent.status, response: sent.body };
    },
  }),
  get_org_by_name: defineAction({
    description: "The organization with this name (a v3 resource).",
    args: cfArgs({ org_name }),
    run: async (a, ctx) => orgByName(await connect(a, ctx), a.org_name),
  }),
  get_space_by_name: defineAction({
    description: "The space with this name, within the org when given.",
    args: cfArgs({ space_name: z.string().min(1).describe("Space"), org_name: org_name.optional() }),
    run: async (a, ctx) => spaceByName(await connect(a, ctx), a.space_name, a.org_name),
  }),
  get_app_by_name: defineAction({
    description: "The application with this name, within the org and space when given.",
    args: cfArgs({ app_name, ...placeArgs }),
    run: async (a, ctx) => appByName(await connect(a, ctx), a.app_name, a),
  }),
  get_apps_for_org: defineAction({
    description: "Every application of the org: {resources: [...]}; fails when there is none.",
    args: cfArgs({ org_name }),
    run: async (a, ctx) => {
      const apps = await appsForOrg(await connect(a, ctx), a.org_name);
      if (!apps.length) throw new FailedAction(`apps for organization name ${a.org_name} not found`);
      return { resources: apps };
    },
  }),
  get_app_instances: defineAction({
    description: 'The application\'s instances by index, e.g. {"0": {"state": "RUNNING", "uptime": 42, ...}}.',
    args: cfArgs({ app_name, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const stats = await instanceStats(cf, app);
      if (!stats.length) throw new FailedAction(`app '${a.app_name}' has no instances`);
      return Object.fromEntries(stats.map((s) => [String(s.index), s]));
    },
  }),
  get_routes_by_host: defineAction({
    description: "The routes with this host (within the org when given): {resources: [...]}.",
    args: cfArgs({ route_host: z.string().min(1).describe("Route host"), org_name: org_name.optional() }),
    run: async (a, ctx) => ({ resources: await routesByHost(await connect(a, ctx), a.route_host, a.org_name) }),
  }),
  get_app_routes_by_host: defineAction({
    description: "The application's routes with this host; fails when it has none.",
    args: cfArgs({ app_name, route_host: z.string().min(1).describe("Route host"), ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const routes = await appRoutesByHost(cf, await appByName(cf, a.app_name, a), a.route_host);
      if (!routes.length) {
        throw new FailedAction(`no routes with host '${a.route_host}' was found for app '${a.app_name}'`);
      }
      return routes;
    },
  }),
  get_bind_by_name: defineAction({
    description: "The application's service binding with this name.",
    args: cfArgs({ bind_name: z.string().min(1).describe("Binding name"), app_name, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const [binding] = await cf.list("/v3/service_credential_bindings", {
        app_guids: [app.guid],
        names: [a.bind_name],
      });
      if (!binding) throw new FailedAction(`bind '${a.bind_name}' was not found`);
      return binding;
    },
  }),
};
