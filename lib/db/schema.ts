import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

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

/**
 * Who is working a user right now. One row per user (keyed by `didit_internal_id`, so users
 * without vendor_data can be claimed too); a row past `expires_at` is no claim.
 */
export const claims = pgTable(
  "claims",
  {
    userId: text("user_id").primaryKey(),
    vendorData: text("vendor_data"),
    analystId: text("analyst_id").notNull(),
    analystName: text("analyst_name").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("claims_analyst_idx").on(table.analystId)],
);

export type ClaimRow = typeof claims.$inferSelect;

/** Internal notes on a user: Didit has no notes endpoint, so they live here. Plain text. */
export const notes = pgTable(
  "notes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id").notNull(),
    vendorData: text("vendor_data"),
    analystId: text("analyst_id").notNull(),
    analystName: text("analyst_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    /** Null until edited. */
    editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [index("notes_user_idx").on(table.userId)],
);

export type NoteRow = typeof notes.$inferSelect;

/**
 * Four-eyes: a status change one reviewer asked for and another must approve before Didit is
 * told. `state` is `pending`, `approved` or `rejected`; a pending one past `expires_at` is expired.
 */
export const proposals = pgTable(
  "proposals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: text("user_id").notNull(),
    vendorData: text("vendor_data").notNull(),
    statusBefore: text("status_before"),
    statusAfter: text("status_after").notNull(),
    reason: text("reason").notNull(),
    proposerId: text("proposer_id").notNull(),
    proposerName: text("proposer_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    state: text("state").notNull(),
    reviewerId: text("reviewer_id"),
    reviewerName: text("reviewer_name"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    reviewReason: text("review_reason"),
  },
  (table) => [
    index("proposals_user_idx").on(table.userId),
    index("proposals_state_idx").on(table.state),
  ],
);

export type ProposalRow = typeof proposals.$inferSelect;

/**
 * What the open inboxes are told (claims, notes, decisions, proposals), in order. Kept for an
 * hour so a browser that reconnects with `Last-Event-ID` (a network drop, a restart) misses
 * nothing; PostgreSQL's NOTIFY or the in-process bus delivers each one as it is written.
 */
export const liveEvents = pgTable(
  "live_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index("live_events_occurred_at_idx").on(table.occurredAt)],
);

export type LiveEventRow = typeof liveEvents.$inferSelect;

/**
 * Didit webhook deliveries already handled, by a digest of their timestamp and raw body: Didit
 * retries on anything but a 2xx, and a replay of the same signed body is ignored. Rows older
 * than the 300 s freshness window cannot be replayed anyway and are swept.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    digest: text("digest").primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [index("webhook_deliveries_received_at_idx").on(table.receivedAt)],
);

/**
 * One rate budget shared by every instance on this database (lib/didit/postgres-budget.ts): each
 * request sent to Didit in the last minute, who it was for, who asked lately, and any cool-down
 * after Didit's 429. With the embedded store the budget stays in each process's memory.
 */
export const rateBudgetSends = pgTable(
  "rate_budget_sends",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    budget: text("budget").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }).notNull(),
    party: text("party"),
  },
  (table) => [index("rate_budget_sends_budget_sent_at_idx").on(table.budget, table.sentAt)],
);

export const rateBudgetAsks = pgTable(
  "rate_budget_asks",
  {
    budget: text("budget").notNull(),
    party: text("party").notNull(),
    askedAt: timestamp("asked_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.budget, table.party] })],
);

export const rateBudgetCoolDowns = pgTable("rate_budget_cool_downs", {
  budget: text("budget").primaryKey(),
  until: timestamp("until", { withTimezone: true, mode: "date" }).notNull(),
});
