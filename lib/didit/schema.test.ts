import { describe, expect, it } from "vitest";
import docSample from "./fixtures/doc-sample.json";
import { upstreamListSchema, upstreamUserSchema } from "./schema";

const [john, jane] = docSample.results;

describe("upstream schema on the doc's sample response", () => {
  const page = upstreamListSchema.parse(docSample);

  it("reads the envelope", () => {
    expect(page.count).toBe(2);
    expect(page.next).toBeNull();
    expect(page.results).toHaveLength(2);
  });

  it("reshapes a full record into the app's user", () => {
    const user = page.results[0];
    expect(user).toMatchObject({
      id: "f4e5e1f2-94a9-4f86-8c16-2b7d9b4db418",
      vendorData: "user-abc-123",
      effectiveName: "John Michael Doe",
      status: "ACTIVE",
      sessions: { total: 3, approved: 2, declined: 0, inReview: 1 },
      issuingStates: [{ country: "USA", count: 2 }],
      approvedEmails: ["john@example.com"],
      approvedPhones: ["+14155551234"],
      tags: [{ id: "t1111111-2222-3333-4444-555555555555", name: "VIP", color: "#2567FF" }],
      lastActivityAt: "2025-06-15T10:30:00.000Z",
    });
    expect(user?.features.map((f) => `${f.feature}:${f.status}`)).toEqual([
      "OCR:Approved",
      "LIVENESS:Approved",
      "FACE_MATCH:Approved",
      "AML:Approved",
    ]);
  });

  it("keeps nulls and empty maps", () => {
    const user = page.results[1];
    expect(user).toMatchObject({
      vendorData: null,
      displayName: "Jane S.",
      effectiveName: "Jane S.",
      fullName: "Jane Elizabeth Smith",
      portraitUrl: null,
      issuingStates: [],
      approvedEmails: [],
      tags: [],
    });
  });
});

describe("upstream schema on drifted records", () => {
  it("accepts the list shapes of issuing_states, emails and phones", () => {
    const user = upstreamUserSchema.parse({
      ...john,
      issuing_states: ["ESP", "FRA"],
      approved_emails: ["a@example.com"],
      approved_phones: ["+34600000000"],
    });
    expect(user.issuingStates).toEqual([
      { country: "ESP", count: null },
      { country: "FRA", count: null },
    ]);
    expect(user.approvedEmails).toEqual(["a@example.com"]);
    expect(user.approvedPhones).toEqual(["+34600000000"]);
  });

  it("keeps unknown features and statuses, ignores unknown fields, prefers last_activity_at", () => {
    const user = upstreamUserSchema.parse({
      ...jane,
      status: "UNDER_INVESTIGATION",
      features: { OCR: "In Review", quantum_check: "Pending Oracle" },
      features_list: undefined,
      last_activity_at: "2026-01-02T03:04:05Z",
      brand_new_field: { anything: true },
    });
    expect(user.status).toBe("UNDER_INVESTIGATION");
    expect(user.features).toEqual([
      { feature: "OCR", status: "In Review" },
      { feature: "quantum_check", status: "Pending Oracle" },
    ]);
    expect(user.lastActivityAt).toBe("2026-01-02T03:04:05.000Z");
  });

  it("replaces an invalid tag colour with null (the UI's neutral fallback)", () => {
    const user = upstreamUserSchema.parse({
      ...john,
      tags: [
        { uuid: "1", name: "Odd", color: "blue-ish" },
        { uuid: "2", name: "Short", color: "#fa0" },
      ],
    });
    expect(user.tags.map((t) => t.color)).toEqual([null, "#fa0"]);
  });

  it("treats absent optional fields as null or empty", () => {
    const user = upstreamUserSchema.parse({
      didit_internal_id: "x",
      status: "ACTIVE",
      created_at: "2025-01-01T00:00:00Z",
    });
    expect(user).toMatchObject({
      vendorData: null,
      effectiveName: null,
      features: [],
      tags: [],
      sessions: { total: 0, approved: 0, declined: 0, inReview: 0 },
    });
  });

  it("rejects a record without an identity or with counts of the wrong kind", () => {
    expect(upstreamUserSchema.safeParse({ ...john, didit_internal_id: undefined }).success).toBe(
      false,
    );
    expect(upstreamUserSchema.safeParse({ ...john, session_count: "three" }).success).toBe(false);
    expect(upstreamListSchema.safeParse({ count: "2", results: [] }).success).toBe(false);
  });

  it("reads every timestamp form to one canonical UTC string, and junk as absent", () => {
    const at = (value: unknown) =>
      upstreamUserSchema.parse({ ...john, created_at: value }).createdAt;
    expect(at("2025-06-01T08:00:00Z")).toBe("2025-06-01T08:00:00.000Z");
    expect(at("2025-06-01T08:00:00.123Z")).toBe("2025-06-01T08:00:00.123Z");
    expect(at("2025-06-01T08:00:00.123456Z")).toBe("2025-06-01T08:00:00.123Z");
    expect(at("2025-06-01T10:00:00+02:00")).toBe("2025-06-01T08:00:00.000Z");
    expect(at("not a date")).toBeNull();
    expect(at(null)).toBeNull();
  });
});
