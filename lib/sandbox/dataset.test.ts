import { describe, expect, it } from "vitest";
import { FIXED_REFERENCE_TIME, SANDBOX_USER_COUNT } from "./constants";
import { generateUsers, type SandboxUser } from "./dataset";
import { FEATURE_KEYS, FEATURE_STATUSES } from "./seed-data";

const REFERENCE_TIME = Date.UTC(2026, 11, 2);
const users = generateUsers(SANDBOX_USER_COUNT, { referenceTime: REFERENCE_TIME });
const at = (referenceTime: number, count = 300) => generateUsers(count, { referenceTime });
const TWO_YEARS = 730 * 86_400_000;

function share(predicate: (user: SandboxUser) => boolean): number {
  return users.filter(predicate).length / users.length;
}

function keysOf(value: Record<string, unknown> | string[]): string[] {
  return Array.isArray(value) ? value : Object.keys(value);
}

describe("generateUsers", () => {
  it("is deterministic for a seed and reference time, and differs between seeds", () => {
    expect(JSON.stringify(at(REFERENCE_TIME))).toBe(JSON.stringify(at(REFERENCE_TIME)));
    const seven = generateUsers(300, { referenceTime: REFERENCE_TIME, seed: 7 });
    expect(JSON.stringify(seven)).not.toBe(JSON.stringify(at(REFERENCE_TIME)));
    const ids = new Set(seven.map((user) => user.didit_internal_id));
    expect(users.slice(0, 300).filter((user) => ids.has(user.didit_internal_id))).toEqual([]);
  });

  it("makes smaller datasets prefixes of larger ones", () => {
    expect(JSON.stringify(at(REFERENCE_TIME, 50))).toBe(JSON.stringify(users.slice(0, 50)));
  });

  it("falls back to a fixed reference time, not the clock", () => {
    expect(generateUsers(50)).toEqual(at(FIXED_REFERENCE_TIME, 50));
  });

  it("moves every date, and nothing else, with the reference time", () => {
    const DAY = 86_400_000;
    const shift = (text: string | null | undefined, days: number) =>
      text ? new Date(Date.parse(text) + days * DAY).toISOString().replace(".000Z", "Z") : text;
    const later = at(REFERENCE_TIME + 365 * DAY, SANDBOX_USER_COUNT);
    const shifted = users.map((user) => ({
      ...user,
      created_at: shift(user.created_at, 365),
      first_session_at: shift(user.first_session_at, 365),
      last_session_at: shift(user.last_session_at, 365),
      ...("last_activity_at" in user && { last_activity_at: shift(user.last_activity_at, 365) }),
    }));
    expect(later).toEqual(shifted);
  });

  it("keeps the default dataset stable (e2e tests and docs refer to its users)", () => {
    // Update on purpose only: changing the generator changes every record.
    expect(users[0]?.didit_internal_id).toBe("09705edb-e9e8-45cd-a402-6e72e361c8f8");
    expect(users[1]?.full_name).toBe("渡辺 翔太");
    expect(users.filter((user) => user.status === "FLAGGED")).toHaveLength(773);
  });

  it("has unique, uuid-shaped ids and unique vendor_data", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(users.every((user) => uuid.test(user.didit_internal_id))).toBe(true);
    expect(new Set(users.map((user) => user.didit_internal_id)).size).toBe(users.length);
    const vendorData = users.flatMap((user) =>
      user.vendor_data === null ? [] : [user.vendor_data],
    );
    expect(new Set(vendorData).size).toBe(vendorData.length);
  });

  it("spreads statuses roughly 80/15/5", () => {
    expect(share((user) => user.status === "ACTIVE")).toBeCloseTo(0.8, 1);
    expect(share((user) => user.status === "FLAGGED")).toBeCloseTo(0.15, 1);
    expect(share((user) => user.status === "BLOCKED")).toBeGreaterThan(0.03);
    expect(share((user) => user.status === "BLOCKED")).toBeLessThan(0.07);
  });

  it("gives every FLAGGED or BLOCKED user with sessions a reason in their features", () => {
    for (const user of users) {
      if (user.status === "ACTIVE" || user.session_count === 0) continue;
      const statuses = Object.values(user.features);
      const reason = user.status === "BLOCKED" ? ["Declined"] : ["Declined", "In Review"];
      expect(statuses.some((status) => reason.includes(status))).toBe(true);
    }
  });

  it("uses documented feature keys and statuses, with features_list mirroring features", () => {
    const keys = new Set<string>(FEATURE_KEYS);
    const statuses = new Set<string>(FEATURE_STATUSES);
    for (const user of users) {
      expect(Object.entries(user.features)).toEqual(
        user.features_list.map((entry) => [entry.feature, entry.status]),
      );
      for (const [key, status] of Object.entries(user.features)) {
        expect(keys.has(key.toUpperCase())).toBe(true);
        expect(statuses.has(status)).toBe(true);
      }
    }
    const seen = new Set(users.flatMap((user) => Object.values(user.features)));
    expect(seen).toEqual(statuses);
  });

  it("keeps counts and session dates consistent", () => {
    for (const user of users) {
      const verdicts = user.approved_count + user.declined_count + user.in_review_count;
      expect(verdicts).toBeLessThanOrEqual(user.session_count);
      expect(user.first_session_at === null).toBe(user.session_count === 0);
      expect(user.last_session_at === null).toBe(user.session_count === 0);
      const created = Date.parse(user.created_at);
      expect(created).toBeGreaterThanOrEqual(REFERENCE_TIME - TWO_YEARS);
      expect(created).toBeLessThanOrEqual(REFERENCE_TIME);
      if (user.first_session_at !== null && user.last_session_at !== null) {
        expect(Date.parse(user.first_session_at)).toBeGreaterThanOrEqual(created);
        expect(user.last_session_at >= user.first_session_at).toBe(true);
        expect(Date.parse(user.last_session_at)).toBeLessThanOrEqual(REFERENCE_TIME);
      }
    }
    // Plenty of users have been idle for months.
    const ninetyDaysAgo = REFERENCE_TIME - 90 * 86_400_000;
    expect(
      share((u) => u.last_session_at !== null && Date.parse(u.last_session_at) < ninetyDaysAgo),
    ).toBeGreaterThan(0.3);
  });

  it("has nulls where the contract allows them, in realistic proportions", () => {
    const nullable = [
      ["vendor_data", 0.02, 0.1],
      ["display_name", 0.5, 0.8],
      ["full_name", 0.1, 0.35],
      ["date_of_birth", 0.1, 0.35],
      ["portrait_image_url", 0.1, 0.35],
      ["last_session_at", 0.03, 0.12],
      ["first_session_at", 0.03, 0.12],
    ] as const;
    for (const [field, min, max] of nullable) {
      const nulls = share((user) => user[field] === null);
      expect(nulls, field).toBeGreaterThan(min);
      expect(nulls, field).toBeLessThan(max);
    }
  });

  it("derives effective_name like Didit", () => {
    for (const user of users) {
      expect(user.effective_name).toBe(
        user.display_name ?? user.full_name ?? user.vendor_data ?? user.didit_internal_id,
      );
    }
  });

  it("includes non-Latin scripts and accented names", () => {
    const names = users.map((user) => user.full_name ?? "").join("\n");
    for (const script of ["Cyrillic", "Greek", "Arabic", "Han", "Devanagari", "Hangul"]) {
      expect(new RegExp(`\\p{Script=${script}}`, "u").test(names), script).toBe(true);
    }
    for (const accented of ["José", "Zoë", "Łukasz", "Ñ"]) expect(names).toContain(accented);
  });

  it("uses reserved example domains and fictional phone ranges", () => {
    const emails = users.flatMap((user) => keysOf(user.approved_emails));
    const phones = users.flatMap((user) => keysOf(user.approved_phones));
    expect(emails.length).toBeGreaterThan(users.length / 3);
    expect(phones.length).toBeGreaterThan(users.length / 5);
    expect(
      emails.every((email) => /^[a-z0-9._]+@([a-z]+\.)?example\.(com|org|net)$/.test(email)),
    ).toBe(true);
    expect(phones.every((phone) => /^(\+1555\d{7}|\+447700900\d{3})$/.test(phone))).toBe(true);
  });

  it("issues documents from 20+ countries, counted per country", () => {
    const countries = new Set(users.flatMap((user) => keysOf(user.issuing_states)));
    expect(countries.size).toBeGreaterThanOrEqual(20);
    expect([...countries].every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    const counts = users.flatMap((user) =>
      Array.isArray(user.issuing_states) ? [] : Object.values(user.issuing_states),
    );
    expect(counts.every((count) => Number.isInteger(count) && count >= 1)).toBe(true);
  });

  it("uses ~10 tags with light and dark colours and exactly one invalid colour", () => {
    const tags = new Map(users.flatMap((user) => user.tags).map((tag) => [tag.uuid, tag]));
    expect(tags.size).toBeGreaterThanOrEqual(10);
    const invalid = [...tags.values()].filter(
      (tag) => !/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(tag.color),
    );
    expect(invalid.map((tag) => tag.color)).toEqual(["blue-ish"]);
    const colors = [...tags.values()].map((tag) => tag.color);
    expect(colors).toContain("#F5F5F5");
    expect(colors).toContain("#111827");
  });

  it("links portraits to presigned-looking S3 URLs for the user's id", () => {
    const user = users.find((u) => u.portrait_image_url !== null);
    expect(user?.portrait_image_url).toBe(
      `https://service-didit-verification.s3.amazonaws.com/portraits/${user?.didit_internal_id}.jpg?X-Amz-Expires=3600`,
    );
  });

  it("simulates API drift on a few percent of records", () => {
    const arrays = share((user) => Array.isArray(user.issuing_states));
    expect(arrays).toBeGreaterThan(0.01);
    expect(arrays).toBeLessThan(0.06);
    const legacy = users.filter((user) => Array.isArray(user.approved_emails));
    expect(legacy.every((user) => Array.isArray(user.approved_phones))).toBe(true);
    const newer = users.filter((user) => "last_activity_at" in user);
    expect(newer.length).toBeGreaterThan(users.length * 0.01);
    expect(newer.every((user) => typeof user.risk_score === "number")).toBe(true);
    expect(newer.some((user) => user.last_activity_at !== null)).toBe(true);
  });
});
