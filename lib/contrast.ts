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

/**
 * WCAG 1.4.11: a shape that carries meaning (a tag pill) needs 3:1 against what surrounds it,
 * or its edge disappears (navy "Watchlist" on a dark table, off-white "Enterprise" on a light one).
 */
export const NON_TEXT_CONTRAST = 3;

/** The inbox's surfaces under a pill: white in the light theme, zinc-900 in the dark one. */
export const SURFACES = {
  light: { r: 0xff, g: 0xff, b: 0xff },
  dark: { r: 0x18, g: 0x18, b: 0x1b },
} as const satisfies Record<string, Rgb>;

/** Outlines that reach 3:1 on their theme's surface: zinc-500 on white, zinc-400 on zinc-900. */
export const OUTLINES = {
  light: { r: 0x71, g: 0x71, b: 0x7a },
  dark: { r: 0xa1, g: 0xa1, b: 0xaa },
} as const satisfies Record<string, Rgb>;

const toHex = ({ r, g, b }: Rgb) =>
  `#${[r, g, b].map((value) => value.toString(16).padStart(2, "0")).join("")}`;

/**
 * The outline a pill of colour `fill` needs in each theme: the theme's outline colour when the
 * fill alone does not stand out from the surface, otherwise null (a faint edge is enough).
 */
export function pillOutlines(fill: Rgb): { light: string | null; dark: string | null } {
  const needs = (theme: keyof typeof SURFACES) =>
    contrastRatio(fill, SURFACES[theme]) < NON_TEXT_CONTRAST ? toHex(OUTLINES[theme]) : null;
  return { light: needs("light"), dark: needs("dark") };
}
