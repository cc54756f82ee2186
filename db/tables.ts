/**
 * The tables the services query, for the database this process runs on: db/schema.ts's SQLite
 * tables, or with DATABASE_URL their PostgreSQL twins from db/pg/schema.ts (generated from the
 * same source: the same names, columns and TypeScript types). Everything else in db/schema.ts
 * (row types, enums) is re-exported as is, so `@/db/tables` replaces `@/db/schema` in services.
 */
import * as sqlite from "./schema";

export * from "./schema";

// Decided once per process, on first import, as db/client.ts decides (an empty variable is unset;
// lib/config.ts checks the URL when the database opens). The typed view is SQLite's; the twins match it.
const onPostgres = Boolean(process.env.DATABASE_URL);
// The twins load only on PostgreSQL: a SQLite process keeps no pg-core tables in memory.
const tables = (onPostgres ? await import("./pg/schema") : sqlite) as unknown as typeof sqlite;

/** Which SQL the few dialect-specific fragments (JSON paths) must speak. */
export const dialect: "sqlite" | "postgres" = onPostgres ? "postgres" : "sqlite";

export const experiments = tables.experiments;
export const experimentRevisions = tables.experimentRevisions;
export const schedules = tables.schedules;
export const trials = tables.trials;
export const trialCounts = tables.trialCounts;
export const trialDays = tables.trialDays;
export const runnerLease = tables.runnerLease;
export const blackoutWindows = tables.blackoutWindows;
export const globalGuards = tables.globalGuards;
export const signInAttempts = tables.signInAttempts;
export const signalState = tables.signalState;
export const users = tables.users;
export const apiTokens = tables.apiTokens;
export const auditEvents = tables.auditEvents;
export const metricValues = tables.metricValues;
export const notificationSettings = tables.notificationSettings;
export const notificationDeliveries = tables.notificationDeliveries;
