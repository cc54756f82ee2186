/** Plug-ins through the real runner process: a user module, a creation hook and a webhook observer. */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { type Trial, trials } from "@/db/tables";
import { killRunners, startRunner, until } from "@/e2e/fixtures/runner-process";
import { createExperimentSchema } from "@/lib/experiments/schemas";
import { ExperimentService } from "@/lib/experiments/service";
import { signBody } from "@/lib/plugins/observers";
import { createTrialSchema } from "@/lib/trials/schemas";
import { TrialService } from "@/lib/trials/service";

const FIXTURES = path.resolve("e2e/fixtures/plugins");
const deliveries: { body: string; signature: string | undefined }[] = [];
let hits = 0;
let server: http.Server;
let configPath = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits++;
      if (hits === 1) return res.writeHead(502).end(); // the first delivery fails: the observer retries
      deliveries.push({ body, signature: req.headers["x-eris-signature"] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eris-plugins-"));
  configPath = path.join(dir, "eris.config.json");
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      modules: { greeter: path.join(FIXTURES, "greeter.mjs") },
      hooks: [path.join(FIXTURES, "stamp-hook.mjs")],
      observers: [
        {
          type: "webhook",
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/eris`,
          secret_env: "TEST_WEBHOOK_SECRET",
          retries: 2,
        },
      ],
    }),
  );
});
afterAll(() => {
  killRunners();
  server.close();
});

test("a user module runs in a trial, a hook adjusts it first, and the webhook observer reports it", async () => {
  startRunner({ ERIS_CONFIG: configPath, TEST_WEBHOOK_SECRET: "shh" });
  const db = getDb();
  const exp = await new ExperimentService(db).create(
    createExperimentSchema.parse({
      name: "greet",
      steps: [
        { do: "greeter.greet", where: { name: "{{ who }}" }, expect: [{ operator: "eq", greeting: "hello hooked" }] },
      ],
    }),
    "t",
  );
  const t = await new TrialService(db).create(
    createTrialSchema.parse({ experiment: exp.id, parameters: {}, initiated_from: "test" }),
    "t",
  );
  const done = await until("trial done", async () => {
    const [row] = (await db.select().from(trials).where(eq(trials.id, t.id)).limit(1)) as Trial[];
    return ["Succeeded", "Failed", "Invalid"].includes(row.status) && row;
  });
  expect(done.status).toBe("Succeeded");
  expect(done.parameters).toEqual({ who: "hooked" });
  expect(done.metadata).toMatchObject({ stamped_by: "stamp-hook" });

  const delivery = await until("webhook delivery", () => deliveries[0]);
  expect(hits).toBe(2);
  expect(delivery.signature).toBe(signBody("shh", delivery.body));
  expect(JSON.parse(delivery.body)).toMatchObject({
    event: "trial.completed",
    trial: {
      id: t.id,
      status: "Succeeded",
      experiment: { id: exp.id, name: "greet" },
      steps: [{ list: "steps", step_name: "Greet", status: "succeeded" }],
    },
  });
});
