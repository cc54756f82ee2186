import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { encode } from "next-auth/jwt";
import { afterAll, expect, test } from "vitest";
import { getDb } from "@/db/client";
import { apiTokens, users } from "@/db/tables";
import { api } from "./client";
import { IDENTITIES, PASSWORD } from "./identities";

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, as: "anonymous" as const });

test("a token is issued once for email + password, works as a bearer token, and is listed without secrets", async () => {
  const issued = await api(
    "POST",
    "/api/v1/auth/token",
    { email: "Operator@Eris.test", password: PASSWORD, name: "ci", expires_in_days: 30 },
    { as: "anonymous" },
  );
  expect(issued.status).toBe(201);
  expect(issued.body.token).toMatch(/^eris_[\w-]{43}$/);
  expect(issued.body).toMatchObject({ name: "ci", revoked: false, prefix: issued.body.token.slice(0, 11) });
  expect(Date.parse(issued.body.expires_at) - Date.now()).toBeGreaterThan(29 * 86_400_000);

  const me = await api("GET", "/api/v1/auth/me", undefined, bearer(issued.body.token));
  expect(me.body).toMatchObject({ email: "operator@eris.test", role: "operator", via: "token" });

  const listed = await api("GET", "/api/v1/auth/token", undefined, bearer(issued.body.token));
  const mine = listed.body.find((t: { id: string }) => t.id === issued.body.id);
  expect(mine).toBeDefined();
  expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
  expect(Object.keys(mine)).not.toContain("token_hash");

  const revoked = await api("DELETE", `/api/v1/auth/token/${issued.body.id}`, undefined, bearer(issued.body.token));
  expect(revoked.body.revoked).toBe(true);
  const after = await api("GET", "/api/v1/auth/me", undefined, bearer(issued.body.token));
  expect(after.status).toBe(401);
  expect(after.body).toEqual({ detail: "Invalid token: unknown, revoked or expired." });
});

test("an expired token is refused; a wrong password gets 401 without saying which part was wrong", async () => {
  const issued = (
    await api("POST", "/api/v1/auth/token", { email: "viewer@eris.test", password: PASSWORD }, { as: "anonymous" })
  ).body;
  await getDb()
    .update(apiTokens)
    .set({ expiresAt: Date.now() - 1 })
    .where(eq(apiTokens.id, issued.id));
  expect((await api("GET", "/api/v1/auth/me", undefined, bearer(issued.token))).status).toBe(401);

  for (const [email, password] of [
    ["viewer@eris.test", "wrong password!"],
    ["nobody@eris.test", PASSWORD],
  ]) {
    const res = await api("POST", "/api/v1/auth/token", { email, password }, { as: "anonymous" });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Invalid email or password." });
  }
});

test("a viewer cannot revoke another user's token; an admin can", async () => {
  const opToken = (
    await api("POST", "/api/v1/auth/token", { email: "operator@eris.test", password: PASSWORD }, { as: "anonymous" })
  ).body;
  expect((await api("DELETE", `/api/v1/auth/token/${opToken.id}`, undefined, { as: "viewer" })).status).toBe(404);
  expect((await api("GET", `/api/v1/auth/token?user=${opToken.user_id}`, undefined, { as: "viewer" })).status).toBe(
    403,
  );
  expect((await api("DELETE", `/api/v1/auth/token/${opToken.id}`, undefined, { as: "admin" })).body.revoked).toBe(true);
});

test("repeated failed sign-ins are throttled with 429 and Retry-After", async () => {
  const attempt = () =>
    api(
      "POST",
      "/api/v1/auth/token",
      { email: "victim@eris.test", password: "guess guess guess" },
      { as: "anonymous" },
    );
  for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
  const blocked = await attempt();
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(800);
  expect(blocked.body.detail).toMatch(/^Too many failed sign-ins\. Try again in \d+ minute\(s\)\.$/);
});

test("no response ever carries a password hash, a token hash or a token", async () => {
  const issued = (
    await api("POST", "/api/v1/auth/token", { email: "admin@eris.test", password: PASSWORD }, { as: "anonymous" })
  ).body;
  const hashes = (await getDb().select({ h: users.passwordHash }).from(users)).map((r) => r.h as string);
  const tokenHashes = (await getDb().select({ h: apiTokens.tokenHash }).from(apiTokens)).map((r) => r.h);
  const bodies = await Promise.all(
    ["/api/v1/users", "/api/v1/auth/me", "/api/v1/auth/token", "/api/v1/audit", `/api/v1/users/${issued.user_id}`].map(
      (p) => api("GET", p),
    ),
  );
  const text = JSON.stringify(bodies.map((b) => b.body));
  for (const secret of [
    ...hashes,
    ...tokenHashes,
    issued.token,
    ...Object.values(IDENTITIES).map((i) => i.token),
    PASSWORD,
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/scrypt\$/);
});

test("users: admins create them, duplicates and weak passwords are refused, the last admin stays", async () => {
  const created = await api("POST", "/api/v1/users", { email: "New@Eris.test", password: "short", role: "operator" });
  expect(created.status).toBe(400);
  expect(created.body).toEqual({ password: ["Ensure this field has at least 12 characters."] });
  const ok = await api("POST", "/api/v1/users", { email: "New@Eris.test", password: PASSWORD, role: "operator" });
  expect(ok.body).toMatchObject({ email: "new@eris.test", role: "operator", disabled: false });
  expect((await api("POST", "/api/v1/users", { email: "new@eris.test", password: PASSWORD })).body).toEqual({
    email: ["A user with this email already exists."],
  });
  const admin = (await api("GET", "/api/v1/auth/me")).body;
  expect((await api("PATCH", `/api/v1/users/${admin.id}`, { role: "viewer" })).body).toEqual({
    role: ["Eris needs at least one active admin."],
  });
  const disabled = await api("PATCH", `/api/v1/users/${ok.body.id}`, { disabled: true });
  expect(disabled.body.disabled).toBe(true);
  expect(
    (await api("POST", "/api/v1/auth/token", { email: "new@eris.test", password: PASSWORD }, { as: "anonymous" }))
      .status,
  ).toBe(401);
});

test("created_by and initiated_by are the real user; the audit trail records who changed what", async () => {
  const exp = await api("POST", "/api/v1/experiment/", { name: "audited", steps: [] }, { as: "operator" });
  expect(exp.body.created_by).toBe("operator@eris.test");
  await api("PATCH", `/api/v1/experiment/${exp.body.id}/`, { name: "renamed" }, { as: "operator" });
  const trial = await api("POST", "/api/v1/trial/", { experiment: exp.body.id }, { as: "operator" });
  expect(trial.body.initiated_by).toBe("operator@eris.test");
  await api("POST", "/api/v1/signal/", { state: "PAUSE", reason: "release" }, { as: "operator" });
  await api("POST", "/api/v1/signal/", { state: "RUN" }, { as: "operator" });

  const audit = (await api("GET", "/api/v1/audit?limit=50")).body as {
    action: string;
    actor: string;
    target_id: string;
    summary: Record<string, Record<string, unknown>>;
  }[];
  const update = audit.find((e) => e.action === "experiment.update" && e.target_id === exp.body.id);
  expect(update).toMatchObject({
    actor: "operator@eris.test",
    summary: { before: { name: "audited" }, after: { name: "renamed" } },
  });
  expect(audit.find((e) => e.action === "trial.create" && e.target_id === trial.body.id)?.actor).toBe(
    "operator@eris.test",
  );
  expect(audit.find((e) => e.action === "signal.set" && e.summary.after.state === "PAUSE")?.summary.after.reason).toBe(
    "release",
  );
  expect((await api("GET", "/api/v1/audit", undefined, { as: "operator" })).status).toBe(403);
});

// ---- the dashboard's cookie session and CSRF ----

async function sessionCookie(email: string): Promise<string> {
  const [user] = await getDb().select().from(users).where(eq(users.email, email)).limit(1);
  const jwt = await encode({ token: { uid: user.id, email }, secret: process.env.NEXTAUTH_SECRET as string });
  return `next-auth.session-token=${jwt}`;
}

test("a session cookie authenticates; a change it makes must come from our own origin (CSRF)", async () => {
  const cookie = await sessionCookie("operator@eris.test");
  const read = await api("GET", "/api/v1/auth/me", undefined, { as: "anonymous", headers: { cookie } });
  expect(read.body).toMatchObject({ email: "operator@eris.test", via: "session" });

  const body = { name: "from the dashboard", steps: [] };
  const noOrigin = await api("POST", "/api/v1/experiment/", body, { as: "anonymous", headers: { cookie } });
  expect(noOrigin.status).toBe(403);
  expect(noOrigin.body.detail).toMatch(/^CSRF check failed/);
  const evil = await api("POST", "/api/v1/experiment/", body, {
    as: "anonymous",
    headers: { cookie, origin: "https://evil.example", host: "eris.test" },
  });
  expect(evil.status).toBe(403);
  const same = await api("POST", "/api/v1/experiment/", body, {
    as: "anonymous",
    headers: { cookie, origin: "http://eris.test", host: "eris.test" },
  });
  expect(same.status).toBe(201);
  expect(same.body.created_by).toBe("operator@eris.test");

  const forged = `next-auth.session-token=${await encode({ token: { uid: "x" }, secret: "another secret" })}`;
  expect(
    (await api("GET", "/api/v1/auth/me", undefined, { as: "anonymous", headers: { cookie: forged } })).status,
  ).toBe(401);
});

test("X-Forwarded-Host names our origin only behind a trusted proxy (ERIS_TRUST_PROXY)", async () => {
  const cookie = await sessionCookie("operator@eris.test");
  const body = { name: "forwarded", steps: [] };
  // A page on evil.example posting with the victim's cookie, and a forwarded host it chose itself.
  const headers = { cookie, origin: "https://evil.example", host: "eris.test", "x-forwarded-host": "evil.example" };
  const spoofed = await api("POST", "/api/v1/experiment/", body, { as: "anonymous", headers });
  expect(spoofed.status).toBe(403);
  expect(spoofed.body.detail).toMatch(/^CSRF check failed/);
  process.env.ERIS_TRUST_PROXY = "1";
  try {
    // behind a proxy that sets it, the public host is the forwarded one
    const proxied = await api("POST", "/api/v1/experiment/", body, {
      as: "anonymous",
      headers: { ...headers, origin: "https://eris.example.com", "x-forwarded-host": "eris.example.com" },
    });
    expect(proxied.status).toBe(201);
  } finally {
    delete process.env.ERIS_TRUST_PROXY;
  }
});

// ---- external JWTs (Kallisti's JWT mode) ----

const jwksServer = { server: undefined as http.Server | undefined, keys: [] as object[] };
afterAll(() => jwksServer.server?.close());

test("an external JWT is verified against the JWKS, with audience, issuer and key rotation", async () => {
  const first = await generateKeyPair("RS256");
  const second = await generateKeyPair("RS256");
  jwksServer.keys = [{ ...(await exportJWK(first.publicKey)), kid: "k1", alg: "RS256", use: "sig" }];
  jwksServer.server = http.createServer((_q, r) =>
    r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: jwksServer.keys })),
  );
  await new Promise<void>((r) => jwksServer.server?.listen(0, "127.0.0.1", r));
  Object.assign(process.env, {
    ERIS_JWT_JWKS_URL: `http://127.0.0.1:${(jwksServer.server.address() as AddressInfo).port}/jwks`,
    ERIS_JWT_AUDIENCE: "eris",
    ERIS_JWT_ISSUER: "https://idp.example",
    ERIS_JWT_ROLE_CLAIM: "eris_role",
    ERIS_JWT_JWKS_COOLDOWN_MS: "0",
  });
  const sign = (key: CryptoKey, kid: string, claims: Record<string, unknown>, aud = "eris") =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer("https://idp.example")
      .setAudience(aud)
      .setSubject("a123456")
      .setExpirationTime("5m")
      .sign(key);

  const ok = await api(
    "GET",
    "/api/v1/auth/me",
    undefined,
    bearer(await sign(first.privateKey, "k1", { eris_role: "operator" })),
  );
  expect(ok.body).toMatchObject({ role: "operator", via: "jwt", name: "a123456" });
  expect(
    (await api("GET", "/api/v1/auth/me", undefined, bearer(await sign(first.privateKey, "k1", {}, "other")))).status,
  ).toBe(401);
  const noRole = await api("GET", "/api/v1/auth/me", undefined, bearer(await sign(first.privateKey, "k1", {})));
  expect(noRole.body.role).toBe("viewer");

  // The provider rotates its key: a token with the new kid makes Eris fetch the JWKS again.
  jwksServer.keys = [{ ...(await exportJWK(second.publicKey)), kid: "k2", alg: "RS256", use: "sig" }];
  await new Promise((r) => setTimeout(r, 50));
  const rotated = await api(
    "GET",
    "/api/v1/auth/me",
    undefined,
    bearer(await sign(second.privateKey, "k2", { eris_role: "admin" })),
  );
  expect(rotated.body.role).toBe("admin");
  for (const k of [
    "ERIS_JWT_JWKS_URL",
    "ERIS_JWT_AUDIENCE",
    "ERIS_JWT_ISSUER",
    "ERIS_JWT_ROLE_CLAIM",
    "ERIS_JWT_JWKS_COOLDOWN_MS",
  ])
    delete process.env[k];
});
