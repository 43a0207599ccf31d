import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColor, readableTextColor } from "./contrast";

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
