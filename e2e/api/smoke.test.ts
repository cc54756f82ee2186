import { expect, test } from "vitest";
import { SEED_003_EXPERIMENT, api } from "./client";

test("seed 003 experiment is created and read back unchanged", async () => {
  const created = await api("POST", "/api/v1/experiment/", SEED_003_EXPERIMENT);
  expect(created.status).toBe(201);
  const got = await api("GET", `/api/v1/experiment/${created.body.id}/`);
  expect(got.body.steps).toEqual(SEED_003_EXPERIMENT.steps);
});
