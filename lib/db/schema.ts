import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The inbox's own tables: one schema for both drivers (PGlite and PostgreSQL). Migrations in
 * lib/db/migrations/ are generated from this file by drizzle-kit (`npm run db:generate`).
 */

/**
 * Every decision attempt and every read of personal data that matters to an auditor, in order.
 * Append-only (the database refuses UPDATE, DELETE and TRUNCATE: see the migration) and hash
 * chained: `hash` covers `prev_hash` and the event's canonical content (lib/db/audit-chain.ts).
 * A decision is two events: the intent, written before Didit is asked, and its outcome, which
 * points back at the intent through `intent_id`.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "string" }).notNull(),
    /** Pseudonymous and stable (lib/auth/session.ts `analystId`). */
    analystId: text("analyst_id").notNull(),
    analystName: text("analyst_name").notNull(),
    /** Which sign-in vouched for the analyst: `oidc`, `passcode` (a self-declared name) or `none`. */
    authMode: text("auth_mode").notNull(),
    action: text("action").notNull(),
    targetInternalId: text("target_internal_id"),
    targetVendorData: text("target_vendor_data"),
    statusBefore: text("status_before"),
    statusAfter: text("status_after"),
    reason: text("reason"),
    /** `pending` for an intent; `done`, `failed` or `unknown` for what came of it. */
    outcome: text("outcome").notNull(),
    /** Didit's HTTP status, or the inbox's error code when Didit never answered. */
    outcomeCode: text("outcome_code"),
    requestId: text("request_id"),
    intentId: bigint("intent_id", { mode: "number" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull().unique(),
  },
  (table) => [
    index("audit_events_occurred_at_idx").on(table.occurredAt),
    index("audit_events_target_idx").on(table.targetInternalId),
    index("audit_events_intent_idx").on(table.intentId),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEventRow = typeof auditEvents.$inferInsert;

/**
 * Signed-in sessions. The cookie holds only the sealed `id`; everything else is here, so ending a
 * session (sign-out, "sign out everywhere", an admin) takes effect on the next request from any
 * copy of its cookie, on every instance.
 */
export const sessions = pgTable(
  "sessions",
  {
    /** 32 random bytes, base64url. */
    id: text("id").primaryKey(),
    analystId: text("analyst_id").notNull(),
    analystName: text("analyst_name").notNull(),
    /** `viewer`, `reviewer` or `admin` (lib/auth/roles.ts), fixed at sign-in. */
    role: text("role").notNull(),
    /** How the analyst signed in: `oidc` or `passcode`. */
    authMode: text("auth_mode").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** The analyst's last own action; background traffic does not move it (the idle timeout). */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("sessions_analyst_idx").on(table.analystId)],
);

export type SessionRow = typeof sessions.$inferSelect;
