/**
 * Finding things by name in the v3 API, with chaostoolkit-cloud-foundry's semantics and messages:
 * an app is looked up by name, narrowed by org and space when given; its instances are those of
 * its `web` process. Shapes are the Cloud Controller's v3 resources.
 */
import { FailedAction, sleep } from "../types";
import type { Cf } from "./session";

const JOB_POLL_MS = 500;

export type Resource = { guid: string; name: string };
export type App = Resource & { state: string; relationships?: { space?: { data?: { guid?: string } } } };
export type InstanceStats = { index: number; state: string; uptime?: number; [key: string]: unknown };
export type Destination = { guid: string; app?: { guid?: string } };
export type Route = { guid: string; host: string; url?: string; destinations?: Destination[] };
export type Place = { org_name?: string; space_name?: string };

export async function orgByName(cf: Cf, name: string): Promise<Resource> {
  const [org] = await cf.list<Resource>("/v3/organizations", { names: [name] });
  if (!org) throw new FailedAction(`org '${name}' was not found`);
  return org;
}

export async function spaceByName(cf: Cf, name: string, orgName?: string): Promise<Resource> {
  const org = orgName ? await orgByName(cf, orgName) : undefined;
  const [space] = await cf.list<Resource>("/v3/spaces", { names: [name], organization_guids: org && [org.guid] });
  if (!space) throw new FailedAction(`space '${name}' was not found`);
  return space;
}

/** The `*_guids` filters for an org and/or space given by name. */
async function placeFilter(cf: Cf, place: Place): Promise<{ organization_guids?: string[]; space_guids?: string[] }> {
  const org = place.org_name ? await orgByName(cf, place.org_name) : undefined;
  const space = place.space_name ? await spaceByName(cf, place.space_name, place.org_name) : undefined;
  return { organization_guids: org && [org.guid], space_guids: space && [space.guid] };
}

export async function appByName(cf: Cf, name: string, place: Place = {}): Promise<App> {
  const [app] = await cf.list<App>("/v3/apps", { names: [name], ...(await placeFilter(cf, place)) });
  if (!app) throw new FailedAction(`app '${name}' was not found`);
  return app;
}

export async function appsForOrg(cf: Cf, orgName: string): Promise<App[]> {
  const org = await orgByName(cf, orgName);
  return cf.list<App>("/v3/apps", { organization_guids: [org.guid] });
}

/** The stats of the app's `web` process: one entry per instance, with its index and state. */
export async function instanceStats(cf: Cf, app: App): Promise<InstanceStats[]> {
  return (await cf.get<{ resources?: InstanceStats[] }>(`/v3/apps/${app.guid}/processes/web/stats`)).resources ?? [];
}

/** Terminates one instance; health management starts a new one in its place. */
export async function terminateInstance(cf: Cf, app: App, index: number): Promise<void> {
  await cf.send("DELETE", `/v3/apps/${app.guid}/processes/web/instances/${index}`);
}

/** Routes with this host, within the org when given (chaoscf's get_routes_by_host). */
export async function routesByHost(cf: Cf, host: string, orgName?: string): Promise<Route[]> {
  const org = orgName ? await orgByName(cf, orgName) : undefined;
  const routes = await cf.list<Route>("/v3/routes", { hosts: [host], organization_guids: org && [org.guid] });
  if (!routes.length) throw new FailedAction(`route with '${host}' was not found`);
  return routes;
}

/** The app's routes with this host. */
export async function appRoutesByHost(cf: Cf, app: App, host: string): Promise<Route[]> {
  return cf.list<Route>(`/v3/apps/${app.guid}/routes`, { hosts: [host] });
}

/** Removes the app from the route's destinations; returns how many destinations went. */
export async function unmap(cf: Cf, app: App, route: Route): Promise<number> {
  const mine = (route.destinations ?? []).filter((d) => d.app?.guid === app.guid);
  for (const d of mine) await cf.send("DELETE", `/v3/routes/${route.guid}/destinations/${d.guid}`);
  return mine.length;
}

/** Waits for a job the Cloud Controller started (a 202's Location), failing when it fails. */
export async function awaitJob(cf: Cf, location: string | undefined, signal: AbortSignal): Promise<unknown> {
  if (!location) return null;
  for (;;) {
    const job = await cf.get<{ state?: string; errors?: { detail?: string }[] }>(location);
    if (job.state === "COMPLETE") return job;
    if (job.state === "FAILED") {
      throw new FailedAction(`job ${location} failed: ${(job.errors ?? []).map((e) => e.detail).join("; ")}`);
    }
    await sleep(JOB_POLL_MS, signal);
  }
}
