import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { upstreamUserSchema } from "@/lib/didit/schema";
import type { InboxUser } from "@/lib/didit/types";
import { csvHead, csvRecords } from "./csv-encode";
import { CSV_COLUMNS } from "./csv-row";

const john = upstreamUserSchema.parse(docSample.results[0]);

const tricky: InboxUser = {
  ...john,
  id: "tricky-1",
  vendorData: '=HYPERLINK("https://evil.example","x")',
  fullName: 'Anne "Nan" O\'Neil, Jr.',
  displayName: "line one\nline two",
  effectiveName: "carriage\r\nreturn",
  tags: [{ id: "a", name: "a,b", color: null }],
  approvedPhones: ["+1 555 0100"],
  approvedEmails: ["josé.müller@ejemplo.es"],
  dateOfBirth: null,
};

describe("CSV encoding", () => {
  it("starts with a UTF-8 BOM and the header row, ended by CRLF", () => {
    const head = csvHead();
    expect(head.startsWith("\uFEFF")).toBe(true);
    expect(head).toBe(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
  });

  it("ends every record with CRLF and quotes what needs quoting", () => {
    const text = csvRecords([tricky]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(text).toContain(`"Anne ""Nan"" O'Neil, Jr."`);
    // A bare line feed inside a cell is quoted too, not only the CRLF record delimiter.
    expect(text).toContain(`"line one\nline two"`);
    expect(text).toContain(`"a,b"`);
  });

  it("parses back to the same cells, page after page", () => {
    const text = csvHead() + csvRecords([john, tricky]) + csvRecords([john]);
    const records = parse(text, { bom: true, record_delimiter: "\r\n" }) as string[][];
    expect(records).toHaveLength(4);
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, records[2]?.[i]]));
    expect(row).toMatchObject({
      didit_internal_id: "tricky-1",
      vendor_data: `'=HYPERLINK("https://evil.example","x")`,
      full_name: 'Anne "Nan" O\'Neil, Jr.',
      display_name: "line one\nline two",
      effective_name: "carriage\r\nreturn",
      tags: "a,b",
      approved_phones: "'+1 555 0100",
      approved_emails: "josé.müller@ejemplo.es",
      date_of_birth: "",
      session_count: "3",
    });
  });

  it("writes nothing for an empty page", () => {
    expect(csvRecords([])).toBe("");
  });
});
