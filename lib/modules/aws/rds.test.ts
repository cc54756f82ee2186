// aws.rds.* against a real moto server: an Aurora cluster fails over to its replica.
import { CreateDBClusterCommand, CreateDBInstanceCommand, RDSClient } from "@aws-sdk/client-rds";
import { describe, expect, test } from "vitest";
import { FailedAction } from "../types";
import { run, sdkConfig, skip, useMoto } from "./test-helpers";

describe.skipIf(skip !== null)(skip ? `aws rds: SKIPPED, ${skip}` : "aws rds against moto", () => {
  const endpoint = useMoto();
  const client = () => new RDSClient(sdkConfig(endpoint()));

  async function auroraCluster() {
    await client().send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: "orders",
        Engine: "aurora-mysql",
        MasterUsername: "admin",
        MasterUserPassword: "not-a-secret-1",
      }),
    );
    for (const id of ["orders-a", "orders-b"]) {
      await client().send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: id,
          DBClusterIdentifier: "orders",
          Engine: "aurora-mysql",
          DBInstanceClass: "db.r5.large",
        }),
      );
    }
  }

  test("failover_db_cluster promotes the replica; the cluster stays available", async () => {
    await auroraCluster();
    expect(await run(endpoint(), "rds.cluster_writer", { cluster_id: "orders" })).toBe("orders-a");
    const res = await run<{
      DBCluster: { DBClusterMembers: { DBInstanceIdentifier: string; IsClusterWriter: boolean }[] };
    }>(endpoint(), "rds.failover_db_cluster", {
      db_cluster_identifier: "orders",
      target_db_instance_identifier: "orders-b",
    });
    const writer = res.DBCluster.DBClusterMembers.find((m) => m.IsClusterWriter);
    expect(writer?.DBInstanceIdentifier).toBe("orders-b");
    expect(await run(endpoint(), "rds.cluster_writer", { cluster_id: "orders" })).toBe("orders-b");
    expect(await run(endpoint(), "rds.cluster_status", { cluster_id: "orders" })).toBe("available");
    expect(await run(endpoint(), "rds.cluster_membership_count", { cluster_id: "orders" })).toBe(2);
  });

  test("reboot and stop an instance; instance_status gives one status or the distinct ones", async () => {
    await auroraCluster();
    await client().send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: "reports",
        Engine: "postgres",
        DBInstanceClass: "db.t3.micro",
        AllocatedStorage: 20,
        MasterUsername: "reporter",
        MasterUserPassword: "not-a-secret-2",
      }),
    );
    const rebooted = await run<{ DBInstance: { DBInstanceIdentifier: string } }>(endpoint(), "rds.reboot_db_instance", {
      db_instance_identifier: "reports",
    });
    expect(rebooted.DBInstance.DBInstanceIdentifier).toBe("reports");
    await run(endpoint(), "rds.stop_db_instance", { db_instance_identifier: "reports" });
    expect(await run(endpoint(), "rds.instance_status", { instance_id: "reports" })).toBe("stopped");
    const both = await run<string[]>(endpoint(), "rds.instance_status", {
      filters: [{ Name: "db-instance-id", Values: ["reports", "orders-a"] }],
    });
    expect([...both].sort()).toEqual(["available", "stopped"]);
    await expect(run(endpoint(), "rds.reboot_db_instance", { db_instance_identifier: "nope" })).rejects.toThrow(
      /^failed issuing a reboot of db instance 'nope': DBInstanceNotFound/,
    );
  });

  test("a cluster without such an instance is a FailedAction naming the cluster", async () => {
    await expect(run(endpoint(), "rds.cluster_membership_count", { cluster_id: "ghost" })).rejects.toThrow(
      FailedAction,
    );
  });
});
