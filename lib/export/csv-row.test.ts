import { describe, expect, it } from "vitest";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { upstreamUserSchema } from "@/lib/didit/schema";
import type { InboxUser } from "@/lib/didit/types";
import { CSV_COLUMNS, toCsvRow } from "./csv-row";

const [john, jane] = docSample.results.map((raw) => upstreamUserSchema.parse(raw)) as [
  InboxUser,
  InboxUser,
];

function user(overrides: Partial<InboxUser>): InboxUser {
  return { ...john, ...overrides };
}

describe("toCsvRow", () => {
  it("flattens a user into the export's columns, in order", () => {
    const row = toCsvRow(john);
    expect(Object.keys(row)).toEqual([...CSV_COLUMNS]);
    expect(row).toEqual({
      didit_internal_id: "f4e5e1f2-94a9-4f86-8c16-2b7d9b4db418",
      vendor_data: "user-abc-123",
      effective_name: "John Michael Doe",
      display_name: "",
      full_name: "John Michael Doe",
      date_of_birth: "1990-05-15",
      status: "ACTIVE",
      features: "OCR: Approved; LIVENESS: Approved; FACE_MATCH: Approved; AML: Approved",
      tags: "VIP",
      issuing_states: "USA:2",
      approved_emails: "john@example.com",
      // A phone number starts with "+": escaped like any other formula-looking cell.
      approved_phones: "'+14155551234",
      session_count: 3,
      approved_count: 2,
      declined_count: 0,
      in_review_count: 1,
      first_session_at: "2025-06-01T08:00:00.000Z",
      last_session_at: "2025-06-15T10:30:00.000Z",
      last_activity_at: "2025-06-15T10:30:00.000Z",
      created_at: "2025-06-01T08:00:00.000Z",
    });
  });

  it("leaves absent values and empty lists as empty cells", () => {
    const row = toCsvRow(jane);
    expect(row).toMatchObject({
      vendor_data: "",
      tags: "",
      issuing_states: "",
      approved_emails: "",
      approved_phones: "",
      features: "OCR: In Review",
    });
  });

  it("joins lists with '; ' and shows a country's count only where Didit sent one", () => {
    const row = toCsvRow(
      user({
        features: [
          { feature: "OCR", status: "Approved" },
          { feature: "LIVENESS", status: "Declined" },
        ],
        tags: [
          { id: "1", name: "VIP", color: null },
          { id: "2", name: "Needs review", color: "#fff" },
        ],
        issuingStates: [
          { country: "ESP", count: 2 },
          { country: "FRA", count: null },
        ],
        approvedEmails: ["a@example.com", "b@example.com"],
        approvedPhones: ["+34600000000", "+33600000000"],
      }),
    );
    expect(row.features).toBe("OCR: Approved; LIVENESS: Declined");
    expect(row.tags).toBe("VIP; Needs review");
    expect(row.issuing_states).toBe("ESP:2; FRA");
    expect(row.approved_emails).toBe("a@example.com; b@example.com");
    expect(row.approved_phones).toBe("'+34600000000; +33600000000");
  });

  it("escapes every text cell that a spreadsheet would run as a formula", () => {
    const row = toCsvRow(
      user({
        vendorData: "-5",
        displayName: '=HYPERLINK("https://evil.example","Click")',
        fullName: "@SUM(1+1)",
        effectiveName: "+1 555",
        status: "=cmd",
        tags: [{ id: "t", name: "=1+1", color: null }],
        features: [{ feature: "=X", status: "Approved" }],
      }),
    );
    expect(row.vendor_data).toBe("'-5");
    expect(row.display_name).toBe(`'=HYPERLINK("https://evil.example","Click")`);
    expect(row.full_name).toBe("'@SUM(1+1)");
    expect(row.effective_name).toBe("'+1 555");
    expect(row.status).toBe("'=cmd");
    expect(row.tags).toBe("'=1+1");
    expect(row.features).toBe("'=X: Approved");
  });

  it("keeps quotes, commas, line breaks and non-Latin text as they are (quoting is the encoder's job)", () => {
    const row = toCsvRow(
      user({ fullName: 'Anne "Nan" O\'Neil, Jr.\nLine two', displayName: "山田 太郎 · Ñandú" }),
    );
    expect(row.full_name).toBe('Anne "Nan" O\'Neil, Jr.\nLine two');
    expect(row.display_name).toBe("山田 太郎 · Ñandú");
  });
});
