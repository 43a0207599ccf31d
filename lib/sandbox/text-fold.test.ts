import { describe, expect, it } from "vitest";
import { asciiSlug, foldForSearch } from "./text-fold";

describe("foldForSearch", () => {
  it.each([
    ["José Núñez", "jose nunez"],
    ["ZOË", "zoe"],
    ["Łukasz Wójcik", "lukasz wojcik"],
    ["Groß", "gross"],
    ["Øyvind Sørensen", "oyvind sorensen"],
    ["Yılmaz", "yilmaz"],
    ["ΓΙΏΡΓΟΣ", "γιωργος"],
    ["Андрій", "андріи"],
    // Scripts whose marks carry meaning or that NFD splits apart come back intact.
    ["शर्मा", "शर्मा"],
    ["김민준", "김민준"],
    ["がくせい", "がくせい"],
    ["Pat@Example.COM", "pat@example.com"],
  ])("folds %s to %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe("asciiSlug", () => {
  it("keeps lower-case ASCII letters and digits only", () => {
    expect(asciiSlug("D'Angelo")).toBe("dangelo");
    expect(asciiSlug("José Luis")).toBe("joseluis");
    expect(asciiSlug("Łukaszewicz")).toBe("lukaszewicz");
    expect(asciiSlug("王")).toBe("");
  });
});
