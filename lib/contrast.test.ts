import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  NON_TEXT_CONTRAST,
  OUTLINES,
  parseHexColor,
  pillOutlines,
  readableTextColor,
  SURFACES,
} from "./contrast";

describe("parseHexColor", () => {
  it("reads short and long hex in any case", () => {
    expect(parseHexColor("#2567FF")).toEqual({ r: 0x25, g: 0x67, b: 0xff });
    expect(parseHexColor("#fa0")).toEqual({ r: 0xff, g: 0xaa, b: 0x00 });
  });

  it("rejects anything that is not a hex colour", () => {
    for (const value of ["blue", "#GGG", "#12345", "2567FF", "", null, undefined, "rgb(0,0,0)"]) {
      expect(parseHexColor(value)).toBeNull();
    }
  });
});

describe("contrast", () => {
  it("matches the WCAG reference values", () => {
    const black = { r: 0, g: 0, b: 0 };
    const white = { r: 255, g: 255, b: 255 };
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBeCloseTo(1, 5);
    // #777777 on white is the classic just-below-AA grey.
    expect(contrastRatio({ r: 0x77, g: 0x77, b: 0x77 }, white)).toBeCloseTo(4.48, 2);
  });

  it("picks white on dark and black on light colours", () => {
    expect(readableTextColor({ r: 0x11, g: 0x18, b: 0x27 })).toBe("#ffffff");
    expect(readableTextColor({ r: 0xff, g: 0xe0, b: 0x66 })).toBe("#000000");
  });

  it("always reaches AA (4.5:1) on every colour of a coarse sweep", () => {
    for (let r = 0; r <= 255; r += 15) {
      for (let g = 0; g <= 255; g += 15) {
        for (let b = 0; b <= 255; b += 15) {
          const bg = { r, g, b };
          const text = parseHexColor(readableTextColor(bg));
          expect(text).not.toBeNull();
          expect(contrastRatio(bg, text as NonNullable<typeof text>)).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});

describe("pill outlines", () => {
  it("reach 3:1 against their theme's surface", () => {
    expect(contrastRatio(OUTLINES.light, SURFACES.light)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
    expect(contrastRatio(OUTLINES.dark, SURFACES.dark)).toBeGreaterThanOrEqual(NON_TEXT_CONTRAST);
  });

  it("outline a dark tag in the dark theme and a pale one in the light theme", () => {
    const navy = parseHexColor("#111827");
    const offWhite = parseHexColor("#F5F5F5");
    const blue = parseHexColor("#2567FF");
    if (!navy || !offWhite || !blue) throw new Error("test colours must parse");
    expect(pillOutlines(navy)).toEqual({ light: null, dark: "#a1a1aa" });
    expect(pillOutlines(offWhite)).toEqual({ light: "#71717a", dark: null });
    // A mid blue stands out on both surfaces on its own.
    expect(pillOutlines(blue)).toEqual({ light: null, dark: null });
  });

  it("keep the pill text at AA whatever the fill", () => {
    for (const hex of ["#111827", "#F5F5F5", "#FFE066", "#2567FF", "#DC2626", "#0FF", "#a855f7"]) {
      const fill = parseHexColor(hex);
      if (!fill) throw new Error(`${hex} must parse`);
      const text = parseHexColor(readableTextColor(fill));
      if (!text) throw new Error("text colour must parse");
      expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
