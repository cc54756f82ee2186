/** Accounts and API tokens. Password and token hashes never leave this file's callers' database. */
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { prepared } from "@/db/prepared";
import { type ApiToken, type User, apiTokens, users } from "@/db/tables";
import { AppError, fieldError, notFound } from "@/lib/api/errors";
import { isoTime } from "@/lib/api/time";
import { recordAudit } from "@/lib/audit/service";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isUuid, newId } from "@/lib/ids";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

export const TOKEN_PREFIX = "eris_";
export const hashToken = (raw: string) => createHash("sha256").update(raw).digest("hex");

export function toPublicUser(u: User) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    created_at: isoTime(u.createdAt),
  };
}
export function toPublicToken(t: ApiToken) {
  return {
    id: t.id,
    user_id: t.userId,
    name: t.name,
    prefix: t.prefix,
    created_at: isoTime(t.createdAt),
    expires_at: isoTime(t.expiresAt),
    last_used_at: isoTime(t.lastUsedAt),
    revoked: t.revokedAt !== null,
  };
}
const auditView = (u: User) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null });

export class UserService {
  constructor(private readonly db: DB) {}

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(users);
    return row?.n ?? 0;
  }

  list(): Promise<User[]> {
    return this.db.select().from(users).orderBy(asc(users.createdAt));
  }

  async get(id: string): Promise<User> {
    const u = isUuid(id) ? await this.find(id) : null;
    if (!u) throw notFound();
    return u;
  }

  async find(id: string): Promise<User | null> {
    const [u] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return u ?? null;
  }

  async byEmail(email: string): Promise<User | null> {
    const [u] = await this.db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
    return u ?? null;
  }

  async create(input: CreateUserInput, actor: string): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (taken) {
        throw fieldError("email", "A user with this email already exists.");
      }
      const [u] = await tx
        .insert(users)
        .values({ id: newId(), email: input.email, name: input.name, passwordHash, role: input.role })
        .returning();
      await recordAudit(tx, { actor, action: "user.create", targetType: "user", targetId: u.id, after: auditView(u) });
      return u;
    });
  }

  /** The first admin: only while no account exists (first run). */
  async createFirstAdmin(input: { email: string; name: string; password: string }): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (tx) => {
      const [existing] = await tx.select({ n: count() }).from(users);
      if ((existing?.n ?? 0) > 0) {
        throw new AppError("forbidden", "Eris already has an administrator.");
      }
      const [u] = await tx
        .insert(users)
        .values({ id: newId(), email: input.email, name: input.name, passwordHash, role: "admin" })
        .returning();
      await recordAudit(tx, {
        actor: input.email,
        action: "user.setup",
        targetType: "user",
        targetId: u.id,
        after: auditView(u),
      });
      return u;
    });
  }

  async update(id: string, input: UpdateUserInput, actor: string): Promise<User> {
    const current = await this.get(id);
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.db.transaction(async (tx) => {
      const patch: Partial<User> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.role !== undefined) patch.role = input.role;
      if (input.disabled !== undefined) patch.disabledAt = input.disabled ? (current.disabledAt ?? Date.now()) : null;
      if (passwordHash) patch.passwordHash = passwordHash;
      if (current.role === "admin" && ((patch.role && patch.role !== "admin") || input.disabled))
        await this.keepAnAdmin(tx, id);
      const u = Object.keys(patch).length
        ? (await tx.update(users).set(patch).where(eq(users.id, id)).returning())[0]
        : current;
      const after = { ...auditView(u), ...(passwordHash ? { password: "changed" } : {}) };
      await recordAudit(tx, {
        actor,
        action: "user.update",
        targetType: "user",
        targetId: id,
        before: auditView(current),
        after,
      });
      return u;
    });
  }

  /** Refuses to demote or disable the last active admin: someone must be able to manage Eris. */
  private async keepAnAdmin(tx: Tx, exceptId: string): Promise<void> {
    const others = (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    ).filter((u) => u.id !== exceptId);
    if (!others.length) throw fieldError("role", "Eris needs at least one active admin.");
  }

  /** Email + password → the user, or null (same answer for an unknown email and a wrong password). */
  async checkPassword(email: string, password: string): Promise<User | null> {
    const u = await this.byEmail(email);
    const ok = await verifyPassword(password, u?.passwordHash ?? null);
    return ok && u && u.disabledAt === null ? u : null;
  }

  // ---- API tokens ----

  createToken(
    userId: string,
    name: string,
    expiresInDays: number | null,
    actor: string,
  ): Promise<{ token: ApiToken; raw: string }> {
    const raw = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
    return this.db.transaction(async (tx) => {
      const [token] = await tx
        .insert(apiTokens)
        .values({
          id: newId(),
          userId,
          name,
          tokenHash: hashToken(raw),
          prefix: raw.slice(0, TOKEN_PREFIX.length + 6),
          expiresAt: expiresInDays === null ? null : Date.now() + expiresInDays * 86_400_000,
        })
        .returning();
      await recordAudit(tx, {
        actor,
        action: "token.create",
        targetType: "api_token",
        targetId: token.id,
        after: { name, user_id: userId, expires_at: isoTime(token.expiresAt) },
      });
      return { token, raw };
    });
  }

  listTokens(userId?: string): Promise<ApiToken[]> {
    const q = this.db.select().from(apiTokens);
    return (userId ? q.where(eq(apiTokens.userId, userId)) : q).orderBy(asc(apiTokens.createdAt));
  }

  async getToken(id: string): Promise<ApiToken> {
    const [t] = isUuid(id) ? await this.db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1) : [];
    if (!t) throw notFound();
    return t;
  }

  revokeToken(id: string, actor: string): Promise<ApiToken> {
    return this.db.transaction(async (tx) => {
      const [t] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1);
      if (!t) throw notFound();
      const [revoked] = await tx
        .update(apiTokens)
        .set({ revokedAt: t.revokedAt ?? Date.now() })
        .where(eq(apiTokens.id, id))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "token.revoke",
        targetType: "api_token",
        targetId: id,
        before: { revoked: t.revokedAt !== null },
        after: { revoked: true },
      });
      return revoked;
    });
  }

  /** A presented bearer token → its active user, or null (unknown, revoked, expired, user disabled). */
  async userForToken(raw: string): Promise<{ user: User; token: ApiToken } | null> {
    const byHash = prepared(this.db, "apiTokens.byHash", () =>
      this.db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(eq(apiTokens.tokenHash, sql.placeholder("hash")))
        .prepare(),
    );
    const [row] = await byHash.execute({ hash: hashToken(raw) });
    if (!row || row.token.revokedAt !== null || row.user.disabledAt !== null) return null;
    if (row.token.expiresAt !== null && row.token.expiresAt <= Date.now()) return null;
    // Coarse last-used stamp: at most one write a minute per token.
    if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt > 60_000) {
      await this.db.update(apiTokens).set({ lastUsedAt: Date.now() }).where(eq(apiTokens.id, row.token.id));
    }
    return row;
  }
}
