import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { describeEachDatabase } from "@/lib/testing/databases";
import {
  ABSOLUTE_TIMEOUT_MS,
  createSession,
  deleteSession,
  deleteSessionByHandle,
  deleteSessionsOf,
  findSession,
  IDLE_TIMEOUT_MS,
  listSessions,
  type SessionAnalyst,
  sessionHandle,
} from "./session-store";

const ANA: SessionAnalyst = { id: "oidc:ana", name: "Ana", role: "reviewer", authMode: "oidc" };
const BEN: SessionAnalyst = { id: "oidc:ben", name: "Ben", role: "viewer", authMode: "oidc" };
const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

describeEachDatabase("sessions on the server", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await kind.open();
  });
  afterAll(() => database?.close());

  it("finds a session by its id, with the analyst and role it was created with", async () => {
    const session = await createSession(database.db, ANA, T0);
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const found = await findSession(database.db, session.id, at(MINUTE), false);
    expect(found?.analyst).toEqual(ANA);
    expect(await findSession(database.db, "no-such-session", at(MINUTE), false)).toBeNull();
  });

  it("ends after 30 idle minutes when only background requests came", async () => {
    const { id } = await createSession(database.db, ANA, T0);
    // Auto-refresh every minute for 29 minutes: alive, but the idle clock keeps running.
    for (let m = 1; m < 30; m++) {
      expect(await findSession(database.db, id, at(m * MINUTE), false)).not.toBeNull();
    }
    expect(await findSession(database.db, id, at(IDLE_TIMEOUT_MS), false)).toBeNull();
  });

  it("stays alive while the analyst acts, and ends 30 minutes after their last action", async () => {
    const { id } = await createSession(database.db, ANA, T0);
    expect(await findSession(database.db, id, at(20 * MINUTE), true)).not.toBeNull();
    expect(await findSession(database.db, id, at(45 * MINUTE), false)).not.toBeNull();
    expect(await findSession(database.db, id, at(50 * MINUTE + 1), false)).toBeNull();
  });

  it("ends 12 hours after sign-in, however active", async () => {
    const { id } = await createSession(database.db, ANA, T0);
    for (let m = 20; m < ABSOLUTE_TIMEOUT_MS / MINUTE; m += 20) {
      expect(await findSession(database.db, id, at(m * MINUTE), true)).not.toBeNull();
    }
    expect(await findSession(database.db, id, at(ABSOLUTE_TIMEOUT_MS), true)).toBeNull();
  });

  it("a deleted session is gone for every copy of its cookie", async () => {
    const { id } = await createSession(database.db, ANA, T0);
    expect((await deleteSession(database.db, id))?.analyst.id).toBe(ANA.id);
    expect(await findSession(database.db, id, at(MINUTE), true)).toBeNull();
  });

  it("ends all of one analyst's sessions and no one else's", async () => {
    const mine = [
      await createSession(database.db, ANA, T0),
      await createSession(database.db, ANA, T0),
    ];
    const theirs = await createSession(database.db, BEN, T0);
    expect(await deleteSessionsOf(database.db, ANA.id)).toBeGreaterThanOrEqual(2);
    for (const { id } of mine) expect(await findSession(database.db, id, at(1), false)).toBeNull();
    expect(await findSession(database.db, theirs.id, at(1), false)).not.toBeNull();
  });

  it("lists live sessions by handle, never by id, and ends one by its handle", async () => {
    const session = await createSession(database.db, BEN, at(5 * MINUTE));
    const live = await listSessions(database.db, at(6 * MINUTE));
    expect(live.map((s) => s.id)).toContain(session.id);
    const handle = sessionHandle(session.id);
    expect(handle).toMatch(/^[0-9a-f]{16}$/);
    expect(handle).not.toBe(session.id.slice(0, 16));
    expect(await deleteSessionByHandle(database.db, "0000000000000000", at(6 * MINUTE))).toBeNull();
    expect((await deleteSessionByHandle(database.db, handle, at(6 * MINUTE)))?.id).toBe(session.id);
    expect(await findSession(database.db, session.id, at(7 * MINUTE), true)).toBeNull();
  });

  it("the list leaves out and sweeps expired sessions", async () => {
    const old = await createSession(database.db, ANA, T0);
    const later = at(ABSOLUTE_TIMEOUT_MS + MINUTE);
    const fresh = await createSession(database.db, BEN, later);
    const ids = (await listSessions(database.db, later)).map((s) => s.id);
    expect(ids).toContain(fresh.id);
    expect(ids).not.toContain(old.id);
  });
});
