/**
 * Instance chaos (chaoscf.actions and Kallisti's cloud_foundry.actions): terminate one instance of
 * an app by index or at random, several at random (a count or a percentage), or a random instance
 * of a random app of an org. Cloud Foundry's health management then starts replacements.
 */
import { z } from "zod";
import { sample } from "../k8s/common";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { type App, type Place, appByName, appsForOrg, instanceStats, terminateInstance } from "./lookup";
import { type Cf, cfArgs, connect, placeArgs } from "./session";

const app_name = z.string().min(1).describe("Application name");

/** The instance indices of the app; chaoscf's "has no instances" when there is none. */
async function indices(cf: Cf, app: App): Promise<number[]> {
  const stats = await instanceStats(cf, app);
  if (!stats.length) throw new FailedAction(`app '${app.name}' has no instances`);
  return stats.map((s) => s.index);
}

async function terminate(cf: Cf, app: App, chosen: number[], ctx: ActionContext) {
  for (const index of chosen) {
    ctx.log(`Terminating instance ${index} of ${app.name}`);
    await terminateInstance(cf, app, index);
  }
  return { app: app.name, terminated: chosen };
}

async function randomOne(cf: Cf, name: string, place: Place, ctx: ActionContext) {
  const app = await appByName(cf, name, place);
  return terminate(cf, app, sample(await indices(cf, app), 1), ctx);
}

export const instanceActions: Record<string, ActionDef> = {
  terminate_app_instance: defineAction({
    description: "Terminates the application's instance at `instance_index`; returns {app, terminated: [index]}.",
    args: cfArgs({ app_name, instance_index: z.coerce.number().int().min(0).describe("Instance index"), ...placeArgs }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      return terminate(cf, await appByName(cf, a.app_name, a), [a.instance_index], ctx);
    },
  }),
  terminate_some_random_instance: defineAction({
    description: "Terminates one instance of the application, picked at random.",
    args: cfArgs({ app_name, ...placeArgs }),
    run: async (a, ctx) => randomOne(await connect(a, ctx), a.app_name, a, ctx),
  }),
  terminate_some_random_instances: defineAction({
    description:
      "Terminates `count` random instances of the application, or `percentage` percent of them (the percentage wins when both are given; never more than there are).",
    args: cfArgs({
      app_name,
      count: z.number().int().min(0).default(0).describe("How many instances"),
      percentage: z.number().min(0).max(100).default(0).describe("Which percentage of the instances (rounded down)"),
      ...placeArgs,
    }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const app = await appByName(cf, a.app_name, a);
      const all = await indices(cf, app);
      const count = a.percentage > 0 ? Math.floor((all.length * a.percentage) / 100) : a.count;
      return terminate(cf, app, sample(all, Math.min(count, all.length)), ctx);
    },
  }),
  terminate_random_app_instance: defineAction({
    description: "Picks a random application of the org and terminates one of its instances at random.",
    args: cfArgs({ org_name: z.string().min(1).describe("Organization") }),
    run: async (a, ctx) => {
      const cf = await connect(a, ctx);
      const apps = await appsForOrg(cf, a.org_name);
      if (!apps.length) throw new FailedAction(`apps for organization name ${a.org_name} not found`);
      const [app] = sample(apps, 1);
      return terminate(cf, app, sample(await indices(cf, app), 1), ctx);
    },
  }),
};
