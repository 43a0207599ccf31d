import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/lib/testing/databases";
import { type AuditInput, appendAuditEvent, verifyAuditChain } from "./audit-chain";
import type { Database } from "./client";

const decision = (n: number): AuditInput => ({
  analystId: "oidc:0123456789abcdef",
  analystName: "Ana Analyst",
  authMode: "oidc",
  action: "status.change",
  targetInternalId: `internal-${n}`,
  targetVendorData: `user-${n}`,
  statusBefore: "FLAGGED",
  statusAfter: "ACTIVE",
  reason: "Document verified manually",
  outcome: "pending",
  outcomeCode: null,
  requestId: `req-${n}`,
  intentId: null,
  details: { bulk: n % 2 === 0, nested: { b: 1, a: [1, 2] } },
});

describeEachDatabase("the audit trail", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  /** An operator at a SQL prompt, who can lift the append-only triggers as the table's owner. */
  async function tamper(statement: ReturnType<typeof sql>) {
    await database.db.execute(sql`alter table audit_events disable trigger user`);
    try {
      await database.db.execute(statement);
    } finally {
      await database.db.execute(sql`alter table audit_events enable trigger user`);
    }
  }

  it("appends events that chain, and verifies them", async () => {
    const events = [];
    for (let n = 1; n <= 5; n++) events.push(await appendAuditEvent(database.db, decision(n)));
    expect(events.map((event) => event.prevHash)).toEqual([
      null,
      ...events.slice(0, -1).map((event) => event.hash),
    ]);
    expect(await verifyAuditChain(database.db)).toEqual({ intact: true, events: 5 });
  });

  it("keeps one chain when appends race, each caller getting its own event", async () => {
    const rows = await Promise.all(
      Array.from({ length: 10 }, (_, i) => appendAuditEvent(database.db, decision(10 + i))),
    );
    expect(rows.map((row) => row.requestId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `req-${10 + i}`),
    );
    // Written in arrival order: ids rise with it.
    expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => a - b));
    expect(await verifyAuditChain(database.db)).toEqual({ intact: true, events: 15 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    for (const statement of [
      sql`update audit_events set reason = 'x'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      const error = await database.db.execute(statement).then(
        () => null,
        (caught: Error) => caught,
      );
      // drizzle wraps the database's own error as the cause.
      expect(String((error?.cause as Error | undefined)?.message)).toMatch(/append-only/);
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true, events: 15 });
  });

  it("detects an edited event, naming it", async () => {
    await tamper(sql`update audit_events set reason = 'Changed afterwards' where id = 3`);
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ intact: false, brokenAt: { id: 3 } });
    await tamper(sql`update audit_events set reason = 'Document verified manually' where id = 3`);
    expect(await verifyAuditChain(database.db)).toMatchObject({ intact: true });
  });

  it("detects a reordered event", async () => {
    // Swap the places of two events, each with its own content and hash.
    await tamper(
      sql`update audit_events set id = case id when 7 then -8 else -7 end where id in (7, 8)`,
    );
    await tamper(sql`update audit_events set id = -id where id < 0`);
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ intact: false, brokenAt: { id: 7 } });
  });

  it("detects a deleted event", async () => {
    const fresh = await kind.open();
    try {
      for (let n = 1; n <= 4; n++) await appendAuditEvent(fresh.db, decision(n));
      await fresh.db.execute(sql`alter table audit_events disable trigger user`);
      await fresh.db.execute(sql`delete from audit_events where id = 2`);
      const report = await verifyAuditChain(fresh.db);
      expect(report).toMatchObject({ intact: false, events: 1, brokenAt: { id: 3 } });
    } finally {
      await fresh.close();
    }
  });
});
