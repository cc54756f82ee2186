/** The accounts every API test file gets (created by setup.ts), one per role, with API tokens. */
export type Who = "admin" | "operator" | "viewer" | "anonymous";

export const IDENTITIES = {
  admin: { email: "admin@eris.test", token: "" },
  operator: { email: "operator@eris.test", token: "" },
  viewer: { email: "viewer@eris.test", token: "" },
};
export const PASSWORD = "correct horse battery staple";
