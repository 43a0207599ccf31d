import type { CSSProperties } from "react";
import { parseHexColor, pillOutlines, readableTextColor } from "@/lib/contrast";
import type { Tag } from "@/lib/didit/types";

/** The edge each theme draws; the faint one is for fills that already stand out on their own. */
const FAINT = { light: "rgb(0 0 0 / 0.1)", dark: "rgb(255 255 255 / 0.15)" };

/**
 * A tag in its own colour, with black or white text, whichever reads better (WCAG AA), and an
 * outline wherever the colour alone would melt into the table (WCAG 1.4.11, 3:1).
 */
export function TagPill({ tag }: { tag: Tag }) {
  const rgb = parseHexColor(tag.color);
  const outlines = rgb ? pillOutlines(rgb) : null;
  const style = rgb
    ? ({
        backgroundColor: tag.color ?? undefined,
        color: readableTextColor(rgb),
        "--tag-outline": outlines?.light ?? FAINT.light,
        "--tag-outline-dark": outlines?.dark ?? FAINT.dark,
      } as CSSProperties)
    : undefined;
  return (
    <span
      style={style}
      data-fallback={rgb ? undefined : "true"}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${
        rgb
          ? "ring-(color:--tag-outline) dark:ring-(color:--tag-outline-dark)"
          : "bg-zinc-200 text-zinc-800 ring-zinc-500 dark:bg-zinc-700 dark:text-zinc-100 dark:ring-zinc-400"
      }`}
    >
      {tag.name}
    </span>
  );
}
