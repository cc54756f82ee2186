/**
 * RDS (chaostoolkit-aws `chaosaws.rds`): fail over an Aurora cluster, reboot or stop an instance,
 * stop a cluster, and the status probes. A status probe returns one status when every matched
 * instance (cluster) shares it, else the list of distinct statuses, as chaostoolkit does.
 */
import type { DBCluster, DBInstance, Filter } from "@aws-sdk/client-rds";
import { z } from "zod";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { exactlyOne, filtersArg } from "./args";
import { type ConnectionArgs, awsArgs, connect, plain } from "./session";

async function rds(args: ConnectionArgs, ctx: ActionContext) {
  return connect("rds", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-rds");
    return { sdk, make: (c) => new sdk.RDSClient(c) };
  });
}
type Rds = Awaited<ReturnType<typeof rds>>;

const clusterId = z.string().min(1).describe("DB cluster identifier");
const instanceId = z.string().min(1).describe("DB instance identifier");

async function instances(aws: Rds, DBInstanceIdentifier?: string, Filters?: Filter[]): Promise<DBInstance[]> {
  const found: DBInstance[] = [];
  let Marker: string | undefined;
  do {
    const page = await aws.call("describe DB instances", (o) =>
      aws.client.send(new aws.sdk.DescribeDBInstancesCommand({ DBInstanceIdentifier, Filters, Marker }), o),
    );
    found.push(...(page.DBInstances ?? []));
    Marker = page.Marker;
  } while (Marker);
  return found;
}

async function clusters(aws: Rds, DBClusterIdentifier?: string, Filters?: Filter[]): Promise<DBCluster[]> {
  const found: DBCluster[] = [];
  let Marker: string | undefined;
  do {
    const page = await aws.call("describe DB clusters", (o) =>
      aws.client.send(new aws.sdk.DescribeDBClustersCommand({ DBClusterIdentifier, Filters, Marker }), o),
    );
    found.push(...(page.DBClusters ?? []));
    Marker = page.Marker;
  } while (Marker);
  return found;
}

/** One status, or the distinct statuses when they differ. */
function statusOf(statuses: (string | undefined)[], what: string): string | string[] {
  if (!statuses.length) throw new FailedAction(`no ${what} found`);
  const distinct = [...new Set(statuses.map((s) => s ?? "unknown"))];
  return distinct.length === 1 ? distinct[0] : distinct;
}

const writer = (c: DBCluster | undefined) => c?.DBClusterMembers?.find((m) => m.IsClusterWriter)?.DBInstanceIdentifier;

export const rdsActions: Record<string, ActionDef> = {
  failover_db_cluster: defineAction({
    description:
      "Forces a failover of the DB cluster (to `target_db_instance_identifier` when given); returns the AWS response.",
    args: awsArgs({
      db_cluster_identifier: clusterId,
      target_db_instance_identifier: instanceId.optional().describe("Replica to promote (default: AWS picks)"),
    }),
    run: async (a, ctx) => {
      const aws = await rds(a, ctx);
      const out = await aws.call(`failed issuing a failover for DB cluster '${a.db_cluster_identifier}'`, (o) =>
        aws.client.send(
          new aws.sdk.FailoverDBClusterCommand({
            DBClusterIdentifier: a.db_cluster_identifier,
            TargetDBInstanceIdentifier: a.target_db_instance_identifier,
          }),
          o,
        ),
      );
      ctx.log(`Cluster ${a.db_cluster_identifier}: writer now ${writer(out.DBCluster) ?? "unknown"}`);
      return plain(out);
    },
  }),
  reboot_db_instance: defineAction({
    description:
      "Reboots the DB instance (with `force_failover`, through a Multi-AZ failover); returns the AWS response.",
    args: awsArgs({
      db_instance_identifier: instanceId,
      force_failover: z.boolean().default(false).describe("Reboot through a Multi-AZ failover"),
    }),
    run: async (a, ctx) => {
      const aws = await rds(a, ctx);
      const out = await aws.call(`failed issuing a reboot of db instance '${a.db_instance_identifier}'`, (o) =>
        aws.client.send(
          new aws.sdk.RebootDBInstanceCommand({
            DBInstanceIdentifier: a.db_instance_identifier,
            ForceFailover: a.force_failover,
          }),
          o,
        ),
      );
      return plain(out);
    },
  }),
  stop_db_instance: defineAction({
    description: "Stops the DB instance (taking a snapshot first when `db_snapshot_identifier` is given).",
    args: awsArgs({
      db_instance_identifier: instanceId,
      db_snapshot_identifier: z.string().min(1).optional().describe("Name of a snapshot to take before stopping"),
    }),
    run: async (a, ctx) => {
      const aws = await rds(a, ctx);
      const out = await aws.call(`failed stopping RDS instance '${a.db_instance_identifier}'`, (o) =>
        aws.client.send(
          new aws.sdk.StopDBInstanceCommand({
            DBInstanceIdentifier: a.db_instance_identifier,
            DBSnapshotIdentifier: a.db_snapshot_identifier,
          }),
          o,
        ),
      );
      return plain(out);
    },
  }),
  stop_db_cluster: defineAction({
    description: "Stops the DB cluster; returns the AWS response.",
    args: awsArgs({ db_cluster_identifier: clusterId }),
    run: async (a, ctx) => {
      const aws = await rds(a, ctx);
      const out = await aws.call(`failed stopping RDS cluster '${a.db_cluster_identifier}'`, (o) =>
        aws.client.send(new aws.sdk.StopDBClusterCommand({ DBClusterIdentifier: a.db_cluster_identifier }), o),
      );
      return plain(out);
    },
  }),
  instance_status: defineAction({
    description: "The status of the DB instance (or of those the filters match), e.g. available.",
    args: awsArgs({ instance_id: instanceId.optional(), filters: filtersArg.optional() }).refine(
      ...exactlyOne(["instance_id", "filters"], "instance_id or filters are required (one of them)"),
    ),
    run: async (a, ctx) => {
      const found = await instances(await rds(a, ctx), a.instance_id, a.filters);
      return statusOf(
        found.map((i) => i.DBInstanceStatus),
        a.instance_id ? `instance matching ${a.instance_id}` : `instance(s) matching ${JSON.stringify(a.filters)}`,
      );
    },
  }),
  cluster_status: defineAction({
    description: "The status of the DB cluster (or of those the filters match), e.g. available.",
    args: awsArgs({ cluster_id: clusterId.optional(), filters: filtersArg.optional() }).refine(
      ...exactlyOne(["cluster_id", "filters"], "cluster_id or filters are required (one of them)"),
    ),
    run: async (a, ctx) => {
      const found = await clusters(await rds(a, ctx), a.cluster_id, a.filters);
      return statusOf(
        found.map((c) => c.Status),
        a.cluster_id ? `cluster matching ${a.cluster_id}` : `cluster(s) matching ${JSON.stringify(a.filters)}`,
      );
    },
  }),
  cluster_membership_count: defineAction({
    description: "The number of DB instances in the cluster.",
    args: awsArgs({ cluster_id: clusterId }),
    run: async (a, ctx) => {
      const [c] = await clusters(await rds(a, ctx), a.cluster_id);
      if (!c) throw new FailedAction(`no cluster found matching ${a.cluster_id}`);
      return c.DBClusterMembers?.length ?? 0;
    },
  }),
  cluster_writer: defineAction({
    description: "The identifier of the cluster's writer instance (an Eris addition, to see a failover happen).",
    args: awsArgs({ cluster_id: clusterId }),
    run: async (a, ctx) => {
      const [c] = await clusters(await rds(a, ctx), a.cluster_id);
      const id = writer(c);
      if (!id) throw new FailedAction(`cluster ${a.cluster_id} has no writer instance`);
      return id;
    },
  }),
};
