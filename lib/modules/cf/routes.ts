/**
 * Routes and service bindings (chaoscf.actions): map a route's host to an app, unmap it, remove
 * the app's routes with a host, unbind a service. In the v3 API an app is on a route when it is one
 * of the route's destinations.
 */
import { z } from "zod";
import { type ActionDef, FailedAction, defineAction } from "../types";
import { appByName, appRoutesByHost, awaitJob, routesByHost, unmap } from "./lookup";
import { cfArgs, connect, placeArgs } from "./session";

const app_name = z.string().min(1).describe("Application name");
const host = z.string().min(1).describe("Route host, e.g. my-app for my-app.apps.example.com");

export const routeActions: Record<string, ActionDef> = {
  map_route_to_app: defineAction({
    description: "Adds the application as a destination of every route with the host (within the org when given).",
    args: cfArgs({ app_name, host_name: host, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const results = [];
      for (const route of await routesByHost(cf, a.host_name, a.org_name)) {
        ctx.log(`Mapping ${route.url ?? route.host} to ${app.name}`);
        const body = { destinations: [{ app: { guid: app.guid } }] };
        results.push((await cf.send("POST", `/v3/routes/${route.guid}/destinations`, { body })).body);
      }
      return results;
    },
  }),
  unmap_route_from_app: defineAction({
    description: "Removes the application from its routes with the host; does nothing when it has none.",
    args: cfArgs({ app_name, host_name: host, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const unmapped = [];
      for (const route of await appRoutesByHost(cf, app, a.host_name)) {
        ctx.log(`Unmapping ${route.url ?? route.host} from ${app.name}`);
        if (await unmap(cf, app, route)) unmapped.push(route.url ?? route.host);
      }
      return { app: app.name, unmapped };
    },
  }),
  remove_routes_from_app: defineAction({
    description: "Removes the application from its routes with the host; fails when it has none.",
    args: cfArgs({ app_name, route_host: host, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const routes = await appRoutesByHost(cf, app, a.route_host);
      if (!routes.length) {
        throw new FailedAction(`no routes with host '${a.route_host}' was found for app '${a.app_name}'`);
      }
      for (const route of routes) {
        ctx.log(`Removing ${route.url ?? route.host} from ${app.name}`);
        await unmap(cf, app, route);
      }
      return { app: app.name, unmapped: routes.map((r) => r.url ?? r.host) };
    },
  }),
  unbind_service_from_app: defineAction({
    description: "Deletes the application's service binding named `bind_name` (and waits for the broker).",
    args: cfArgs({ app_name, bind_name: z.string().min(1).describe("Binding name"), ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const [binding] = await cf.list<{ guid: string; name: string }>("/v3/service_credential_bindings", {
        app_guids: [app.guid],
        names: [a.bind_name],
      });
      if (!binding) throw new FailedAction(`bind '${a.bind_name}' was not found`);
      ctx.log(`Unbinding ${binding.name} from ${app.name}`);
      const sent = await cf.send("DELETE", `/v3/service_credential_bindings/${binding.guid}`);
      await awaitJob(cf, sent.headers.location, ctx.signal);
      return { app: app.name, unbound: binding.name, guid: binding.guid };
    },
  }),
};
