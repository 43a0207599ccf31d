import { describe, expect, it } from "vitest";
import { serializeUsersQuery, type UsersQuery } from "@/lib/inbox/query-state";
import { QUICK_VIEWS, quickViewQuery } from "@/lib/inbox/quick-views";
import { buildDefaultSandboxIndex } from "./default-index";
import { querySandbox, type SandboxIndex, type SandboxPage, type SandboxQuery } from "./query";
import { parseSandboxQuery } from "./query-params";

/**
 * The sandbox is a demo: each quick view must show what its name promises on whatever day the
 * server starts, not only on the day the generator was written.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function preset(id: string) {
  const found = QUICK_VIEWS.find((view) => view.id === id);
  if (!found) throw new Error(`no quick view ${id}`);
  return found;
}

/** What the sandbox receives for a view: the inbox's URL parameters, read as Didit reads them. */
function toSandboxQuery(query: UsersQuery): SandboxQuery {
  const parsed = parseSandboxQuery(new URLSearchParams(serializeUsersQuery(query)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.query;
}

function openView(index: SandboxIndex, id: string, now: Date): SandboxPage {
  return querySandbox(index, toSandboxQuery(quickViewQuery(preset(id), now, 200)));
}

/** Users whose last activity lies between `from` and `to` before `now`. */
function activeBetween(index: SandboxIndex, now: number, from: number, to: number): number {
  return querySandbox(index, {
    lastActivityAfter: now - to,
    lastActivityBefore: now - from,
    limit: 1,
    offset: 0,
  }).count;
}

describe.each(["2026-12-02", "2027-12-02"])("the sandbox started on %s", (day) => {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  // Started mid-morning: the dataset is still that day's, from 00:00 UTC.
  const index = buildDefaultSandboxIndex({ now: () => new Date(midnight + 9.5 * HOUR) });
  // The analyst may open the views at any time of that day.
  const moments = [new Date(midnight), new Date(midnight + DAY - 1000)];

  it("is generated relative to that day's 00:00 UTC", () => {
    expect(index.referenceTime).toBe(midnight);
    const created = index.users.map((user) => Date.parse(user.created_at));
    expect(Math.max(...created)).toBeLessThanOrEqual(midnight);
    expect(Math.max(...created)).toBeGreaterThan(midnight - DAY);
  });

  it.each(moments)("has users who are new this week (opened %s)", (now) => {
    const page = openView(index, "new-this-week", now);
    expect(page.count).toBeGreaterThanOrEqual(25);
    // A few percent of everyone, as sign-ups grow: not the whole dataset.
    expect(page.count).toBeLessThan(index.users.length * 0.05);
    for (const user of page.results) {
      expect(Date.parse(user.created_at)).toBeGreaterThanOrEqual(now.getTime() - 7 * DAY);
    }
  });

  it.each(moments)(
    "has flagged users both idle 30+ days and recently active (opened %s)",
    (now) => {
      const flagged = openView(index, "flagged", now);
      const idle = openView(index, "flagged-idle", now);
      expect(idle.count).toBeGreaterThan(0);
      expect(idle.count).toBeLessThan(flagged.count);
      // Recently active flagged users are a real part of the queue, not a handful.
      expect(flagged.count - idle.count).toBeGreaterThan(flagged.count * 0.05);
      expect(idle.results.every((user) => user.status === "FLAGGED")).toBe(true);
    },
  );

  it.each(moments)("has blocked users (opened %s)", (now) => {
    const blocked = openView(index, "blocked", now);
    expect(blocked.count).toBeGreaterThan(0);
    expect(blocked.results.every((user) => user.status === "BLOCKED")).toBe(true);
  });

  it("spreads last activity over hours, days, weeks and months", () => {
    const buckets = {
      hours: activeBetween(index, midnight, 0, DAY),
      days: activeBetween(index, midnight, DAY, 7 * DAY),
      weeks: activeBetween(index, midnight, 7 * DAY, 30 * DAY),
      months: activeBetween(index, midnight, 30 * DAY, 365 * DAY),
      overAYear: activeBetween(index, midnight, 365 * DAY, 3 * 365 * DAY),
    };
    const users = index.users.length;
    expect(buckets.hours).toBeGreaterThanOrEqual(10);
    expect(buckets.days).toBeGreaterThan(users * 0.01);
    expect(buckets.weeks).toBeGreaterThan(users * 0.03);
    expect(buckets.months).toBeGreaterThan(users * 0.3);
    expect(buckets.overAYear).toBeGreaterThan(0);
    // Nothing happens after the instant the dataset was made.
    const later = { limit: 1, offset: 0, lastActivityAfter: midnight + 1 };
    expect(querySandbox(index, later).count).toBe(0);
  });

  it("is the same dataset for every start on that day", () => {
    const evening = buildDefaultSandboxIndex({ now: () => new Date(midnight + DAY - 1) });
    expect(evening.users).toEqual(index.users);
  });
});
