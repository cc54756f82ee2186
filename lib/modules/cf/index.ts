/**
 * The `cf` module: Cloud Foundry chaos with Kallisti's action names and arguments (its own
 * cloud_foundry actions and chaostoolkit-cloud-foundry's, which it exposes), on the Cloud
 * Controller v3 API. Login and requests: session.ts.
 */
import type { ModuleDef } from "../types";
import { apiActions } from "./api";
import { appActions } from "./apps";
import { instanceActions } from "./instances";
import { routeActions } from "./routes";

export const cf: ModuleDef = {
  description:
    "Cloud Foundry chaos: terminate app instances, stop, start or delete apps, unmap routes, unbind services, and probe app states and stats.",
  actions: { ...instanceActions, ...appActions, ...routeActions, ...apiActions },
};
