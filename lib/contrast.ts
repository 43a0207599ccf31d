/**
 * WCAG 2.x contrast, for text drawn on colours that come from data (tag colours).
 * Either black or white always reaches at least 4.58:1 on any opaque colour, so picking the
 * better of the two meets AA (4.5:1) for normal text on every valid tag colour.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** `#abc` or `#aabbcc` (any case); anything else is null. */
export function parseHexColor(value: string | null | undefined): Rgb | null {
  if (!value) return null;
  const match = /^#(?:([0-9a-f]{3})|([0-9a-f]{6}))$/i.exec(value.trim());
  if (!match) return null;
  const hex = match[1] ? [...match[1]].map((c) => c + c).join("") : (match[2] as string);
  return {
    r: Number.parseInt(hex.slice(0, 2), 16),
    g: Number.parseInt(hex.slice(2, 4), 16),
    b: Number.parseInt(hex.slice(4, 6), 16),
  };
}

function channel(value: number): number {
  const s = value / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance({ r, g, b }: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** The text colour (black or white) with the higher contrast on `background`. */
export function readableTextColor(background: Rgb): "#000000" | "#ffffff" {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE)
    ? "#000000"
    : "#ffffff";
}
