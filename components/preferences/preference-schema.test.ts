import { describe, expect, it } from "vitest";
import { parseViewCookie, VIEW_COOKIE, VIEW_DEFAULTS, viewCookieString } from "./preference-schema";

describe("the view cookie", () => {
  it("round-trips the view preferences", () => {
    const view = {
      hiddenColumns: ["vendor_data"],
      columnOrder: ["name", "tags"],
      density: "compact",
    } as const;
    const cookie = viewCookieString(
      { ...view, hiddenColumns: [...view.hiddenColumns], columnOrder: [...view.columnOrder] },
      false,
    );
    expect(cookie.startsWith(`${VIEW_COOKIE}=`)).toBe(true);
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const value = cookie.slice(VIEW_COOKIE.length + 1).split(";")[0] ?? "";
    // Read both as the browser sends it (encoded) and as a parser that decodes it hands it over.
    expect(parseViewCookie(value)).toEqual(view);
    expect(parseViewCookie(decodeURIComponent(value))).toEqual(view);
  });

  it("falls back to the defaults for a missing or broken cookie", () => {
    expect(parseViewCookie(undefined)).toEqual(VIEW_DEFAULTS);
    expect(parseViewCookie("")).toEqual(VIEW_DEFAULTS);
    expect(parseViewCookie("%E0%A4%A")).toEqual(VIEW_DEFAULTS);
    expect(parseViewCookie("{not json")).toEqual(VIEW_DEFAULTS);
    expect(parseViewCookie("[1,2]")).toEqual(VIEW_DEFAULTS);
    expect(parseViewCookie("null")).toEqual(VIEW_DEFAULTS);
  });

  it("keeps the valid fields of a partly damaged cookie", () => {
    const raw = JSON.stringify({
      density: "enormous",
      hiddenColumns: ["phones"],
      columnOrder: Array.from({ length: 500 }, () => "x"),
    });
    expect(parseViewCookie(raw)).toEqual({
      density: "comfortable",
      hiddenColumns: ["phones"],
      columnOrder: [],
    });
  });

  it("marks the cookie Secure over https", () => {
    expect(viewCookieString(VIEW_DEFAULTS, true)).toContain("; Secure");
  });
});
