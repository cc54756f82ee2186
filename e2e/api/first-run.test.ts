import { expect, test } from "vitest";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/tables";
import { api } from "./client";

test("first run: while no account exists, /setup creates the first admin, once", async () => {
  // This file starts from an empty account table, as a new installation does.
  await getDb().delete(apiTokens);
  await getDb().delete(users);
  expect((await api("GET", "/api/v1/setup", undefined, { as: "anonymous" })).body).toEqual({ needs_setup: true });

  const weak = await api("POST", "/api/v1/setup/", { email: "root@eris.test", password: "short" }, { as: "anonymous" });
  expect(weak.status).toBe(400);
  const created = await api(
    "POST",
    "/api/v1/setup/",
    { email: "Root@Eris.test", name: "Root", password: "a long enough password" },
    { as: "anonymous" },
  );
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ email: "root@eris.test", role: "admin" });
  expect((await api("GET", "/api/v1/setup", undefined, { as: "anonymous" })).body).toEqual({ needs_setup: false });

  const again = await api(
    "POST",
    "/api/v1/setup/",
    { email: "mallory@eris.test", password: "a long enough password" },
    { as: "anonymous" },
  );
  expect(again.status).toBe(403);
  expect(again.body).toEqual({ detail: "Eris already has an administrator." });

  const token = await api(
    "POST",
    "/api/v1/auth/token",
    { email: "root@eris.test", password: "a long enough password" },
    { as: "anonymous" },
  );
  expect(token.status).toBe(201);
});
