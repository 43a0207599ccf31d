import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps a path on this app with its query", () => {
    expect(safeReturnTo("/?status=FLAGGED&country=ESP")).toBe("/?status=FLAGGED&country=ESP");
  });

  it("refuses anything that could leave the app", () => {
    for (const bad of [
      "https://evil.test/",
      "//evil.test/x",
      "/\\evil.test",
      "javascript:alert(1)",
      "",
      null,
    ]) {
      expect(safeReturnTo(bad)).toBe("/");
    }
  });
});
