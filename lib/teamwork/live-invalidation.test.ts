import { describe, expect, it } from "vitest";
import type { LiveEvent, LiveKind } from "@/lib/api/live";
import { queryKeys } from "@/lib/api/query-keys";
import { invalidationsFor } from "./live-invalidation";

const ANA = { id: "oidc:ana", name: "Ana" };

function event(kind: LiveKind, userIds: string[], analyst = ANA): LiveEvent {
  return {
    id: 7,
    kind,
    at: "2026-06-01T09:00:00.000Z",
    data: { userIds, action: "something", analyst },
  };
}

const histories = (...ids: string[]) => ids.map((id) => ["users", "history", id]);

describe("invalidationsFor", () => {
  it("another analyst's decision refreshes the users, the store's views and the histories", () => {
    expect(invalidationsFor(event("decision", ["u1", "u2"]), "oidc:ben")).toEqual([
      ["users"],
      ["teamwork"],
      ["queues"],
      ["activity"],
      ...histories("u1", "u2"),
    ]);
  });

  it("the analyst's own decision leaves the users alone: their browser already refreshed", () => {
    const keys = invalidationsFor(event("decision", ["u1"]), ANA.id);
    expect(keys).toEqual([["teamwork"], ["queues"], ["activity"], ...histories("u1")]);
    expect(keys).not.toContainEqual(queryKeys.users.all);
  });

  it("a decision heard without a signed-in analyst refreshes the users", () => {
    expect(invalidationsFor(event("decision", ["u1"]), null)).toContainEqual(["users"]);
  });

  it("a claim refreshes the store's views and the histories, never the users' pages", () => {
    for (const me of [ANA.id, "oidc:ben", null]) {
      expect(invalidationsFor(event("claim", ["u3"]), me)).toEqual([
        ["teamwork"],
        ["queues"],
        ["activity"],
        ...histories("u3"),
      ]);
    }
  });

  it("a note refreshes the notes, activity and histories, not the queues", () => {
    expect(invalidationsFor(event("note", ["u4"]), "oidc:ben")).toEqual([
      ["teamwork"],
      ["activity"],
      ...histories("u4"),
    ]);
  });

  it("a proposal refreshes the store's views and the histories", () => {
    expect(invalidationsFor(event("proposal", ["u5", "u6"]), ANA.id)).toEqual([
      ["teamwork"],
      ["queues"],
      ["activity"],
      ...histories("u5", "u6"),
    ]);
  });

  it("a change reported by Didit's webhook refreshes the users' pages, queues and the trail", () => {
    expect(invalidationsFor(event("didit", []), ANA.id)).toEqual([
      ["users"],
      ["queues"],
      ["activity"],
    ]);
  });

  it("of the inbox's own events, only a decision refreshes the users' pages (Didit calls)", () => {
    for (const kind of ["claim", "note", "proposal"] as const) {
      const keys = invalidationsFor(event(kind, ["u1"]), "oidc:ben");
      expect(keys.filter((key) => key.length === 1 && key[0] === "users")).toEqual([]);
    }
  });

  it("the keys are the query-key factory's, so they reach the queries they name", () => {
    expect(invalidationsFor(event("decision", ["u1"]), "oidc:ben")).toEqual([
      queryKeys.users.all,
      queryKeys.teamwork.all,
      queryKeys.queues.all,
      queryKeys.activity.all,
      queryKeys.users.history("u1"),
    ]);
  });

  it("an event of a kind this browser does not know refreshes nothing", () => {
    const unknown = { ...event("claim", ["u1"]), kind: "weather" } as unknown as LiveEvent;
    expect(invalidationsFor(unknown, ANA.id)).toEqual([]);
  });
});
