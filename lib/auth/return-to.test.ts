import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps a path on this app with its query", () => {
    expect(safeReturnTo("/?status=FLAGGED&country=ESP")).toBe("/?status=FLAGGED&country=ESP");
    expect(safeReturnTo("/activity?action=status.change")).toBe("/activity?action=status.change");
  });

  it("returns the path as a browser resolves it", () => {
    expect(safeReturnTo("/activity/../?status=BLOCKED")).toBe("/?status=BLOCKED");
    // An encoded slash stays encoded: a browser does not turn it into a host.
    expect(safeReturnTo("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it("refuses anything that could leave the app", () => {
    for (const bad of [
      "https://evil.test/",
      "//evil.test/x",
      "/\\evil.test",
      "javascript:alert(1)",
      "",
      null,
      // Dot segments that collapse into `//host` once normalised.
      "/.//evil.example/phish",
      "/a/..//evil.example",
      "/%2e//evil.example",
      "/%2E//evil.example",
      "/a/%2e%2e//evil.example",
      // Backslashes, which browsers read as slashes.
      "/\\/evil.example",
      "/a\\..\\..\\/evil.example",
      // Tabs and newlines, which browsers drop.
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      " //evil.example",
      // An encoded `//` right after the first slash, and its mixed forms.
      "/%2f/..//evil.example",
      "/.%2e//evil.example",
    ]) {
      expect(safeReturnTo(bad), JSON.stringify(bad)).toBe("/");
    }
  });
});
