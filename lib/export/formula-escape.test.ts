import { describe, expect, it } from "vitest";
import { escapeFormula } from "./formula-escape";

describe("escapeFormula", () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Open")', `'=HYPERLINK("https://evil.example","Open")`],
    ["+1 555 0100", "'+1 555 0100"],
    ["-5", "'-5"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    // Full-width forms, which Apple Numbers reads as the ASCII signs.
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    // Blanks and control or invisible characters before a sign: spreadsheets skip them.
    [" =1+1", "' =1+1"],
    ["   -2", "'   -2"],
    ["\t=cmd", "'\t=cmd"],
    ["\r@x", "'\r@x"],
    ["\n=1", "'\n=1"],
    ["\u0000+1", "'\u0000+1"],
    ["\u001f=1", "'\u001f=1"],
    ["\u00a0=1", "'\u00a0=1"],
    ["\u3000＝1", "'\u3000＝1"],
    ["\u200b@x", "'\u200b@x"],
    ["\ufeff=1", "'\ufeff=1"],
    [" \t \r =1", "' \t \r =1"],
  ])("prefixes %j with a single quote", (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped);
  });

  it.each([
    "John Doe",
    "1990-05-15",
    "a=b",
    "user-123",
    " not a formula",
    "a =b",
    "\u0000plain",
    "",
    "Łukasz Żółć",
    "山田 太郎",
    "محمد",
  ])("leaves %j as it is", (value) => {
    expect(escapeFormula(value)).toBe(value);
  });
});
