import { expect, test } from "vitest";
import { MASK, maskSecrets, restoreMasked } from "./mask";

const where = {
  url: "https://svc/health",
  headers: { Authorization: "Bearer abc", "X-Api-Key": "k", Accept: "json" },
  credentials: { type: "ENV_VAR_USERNAME_PASSWORD", password_key: "K8S_PASSWORD", username_key: "K8S_USERNAME" },
  authentication: {
    type: "oauth2_token",
    url: "https://idp/token",
    token_key: "access_token",
    client: { id: "c", secret: "s" },
  },
  list: [{ password: "p" }, { cookie: "c" }],
  token: 42,
  author: "ada",
};

test("secret values are masked at any depth; names of where secrets live stay visible", () => {
  const masked = maskSecrets(where);
  expect(masked.headers).toEqual({ Authorization: MASK, "X-Api-Key": MASK, Accept: "json" });
  expect(masked.credentials).toEqual(where.credentials);
  expect(masked.authentication.client).toEqual({ id: "c", secret: MASK });
  expect(masked.authentication.token_key).toBe("access_token");
  expect(masked.list).toEqual([{ password: MASK }, { cookie: MASK }]);
  expect(masked.token).toBe(MASK);
  expect(masked.author).toBe("ada");
  expect(where.headers.Authorization).toBe("Bearer abc"); // input untouched
});

test("writing a masked document back keeps the stored secrets", () => {
  const edited = { ...maskSecrets(where), url: "https://svc/ready" };
  const restored = restoreMasked(edited, where);
  expect(restored).toEqual({ ...where, url: "https://svc/ready" });
});

test("a new secret replaces the stored one", () => {
  const edited = maskSecrets(where);
  edited.headers.Authorization = "Bearer new";
  expect(restoreMasked(edited, where).headers.Authorization).toBe("Bearer new");
});
