/**
 * App actions and probes (chaoscf.actions, chaoscf.probes and Kallisti's get_app_states_by_org):
 * start, stop and delete an app or every app of an org, list apps, read an app's instance stats.
 */
import { z } from "zod";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { type App, appByName, appsForOrg, awaitJob } from "./lookup";
import { type Cf, cfArgs, connect, placeArgs } from "./session";

const app_name = z.string().min(1).describe("Application name");
const org_name = z.string().min(1).describe("Organization");
const state = (a: App) => ({ name: a.name, state: a.state });

async function setState(cf: Cf, app: App, action: "start" | "stop", ctx: ActionContext): Promise<App> {
  ctx.log(`${action === "start" ? "Starting" : "Stopping"} app ${app.name}`);
  return (await cf.send("POST", `/v3/apps/${app.guid}/actions/${action}`)).body as App;
}

const oneApp = (action: "start" | "stop") =>
  defineAction({
    description: `${action === "start" ? "Starts" : "Stops"} the application; returns it as the API describes it afterwards.`,
    args: cfArgs({ app_name, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      return setState(cf, await appByName(cf, a.app_name, a), action, ctx);
    },
  });

const allApps = (action: "start" | "stop") =>
  defineAction({
    description: `${action === "start" ? "Starts" : "Stops"} every application of the org; returns their names and new states.`,
    args: cfArgs({ org_name }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const apps = await appsForOrg(cf, a.org_name);
      if (!apps.length) throw new FailedAction(`apps for organization name ${a.org_name} not found`);
      const done = [];
      for (const app of apps) done.push(state(await setState(cf, app, action, ctx)));
      return done;
    },
  });

export const appActions: Record<string, ActionDef> = {
  start_app: oneApp("start"),
  stop_app: oneApp("stop"),
  start_all_apps: allApps("start"),
  stop_all_apps: allApps("stop"),
  delete_app: defineAction({
    description: "Deletes the application (and waits for the deletion job); returns the app's name and guid.",
    args: cfArgs({ app_name, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      ctx.log(`Deleting app ${app.name}`);
      const sent = await cf.send("DELETE", `/v3/apps/${app.guid}`);
      await awaitJob(cf, sent.headers.location, ctx.signal);
      return { name: app.name, guid: app.guid, deleted: true };
    },
  }),
  get_app_states_by_org: defineAction({
    description: "Every application of the org with its state: [{name, state}] (Kallisti's probe).",
    args: cfArgs({ org_name }),
    run: async (a, ctx) => {
      const apps = await appsForOrg(await connect(a, ctx), a.org_name);
      if (!apps.length) throw new FailedAction(`no app was found under org: '${a.org_name}'.`);
      return apps.map(state);
    },
  }),
  list_apps: defineAction({
    description: "Every application the user can see, as v3 resources: {resources: [...]}.",
    args: cfArgs({}),
    run: async (a, ctx) => ({ resources: await (await connect(a, ctx)).list<App>("/v3/apps") }),
  }),
  get_app_stats: defineAction({
    description: "The stats of the application's web process, one entry per instance (index, state, usage, uptime).",
    args: cfArgs({ app_name, ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      return cf.get(`/v3/apps/${app.guid}/processes/web/stats`);
    },
  }),
};
