/** Finding an experiment by id or by name (a name shared by several live experiments is refused). */
import type { Client } from "./client";

export type ExperimentOut = Record<string, unknown> & { id: string; name: string; revision: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

export async function findExperiment(client: Client, ref: string): Promise<ExperimentOut> {
  if (isUuid(ref)) return client.call<ExperimentOut>("GET", `/api/v1/experiment/${ref.toLowerCase()}/`);
  const live = await client.call<ExperimentOut[]>("GET", `/api/v1/experiment/?search=${encodeURIComponent(ref)}`);
  const same = live.filter((e) => e.name === ref);
  if (same.length === 1) return same[0];
  if (!same.length) throw new Error(`no live experiment is named "${ref}"`);
  throw new Error(
    `${same.length} live experiments are named "${ref}" (${same.map((e) => e.id).join(", ")}); use an id`,
  );
}
