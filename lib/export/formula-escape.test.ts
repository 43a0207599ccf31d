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
  ])("prefixes %j with a single quote", (value, escaped) => {
    expect(escapeFormula(value)).toBe(escaped);
  });

  it.each([
    "John Doe",
    "1990-05-15",
    "a=b",
    "user-123",
    " =not at the start",
    "",
    "Łukasz Żółć",
    "山田 太郎",
    "محمد",
  ])("leaves %j as it is", (value) => {
    expect(escapeFormula(value)).toBe(value);
  });
});
