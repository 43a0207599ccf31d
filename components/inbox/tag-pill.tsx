import { parseHexColor, readableTextColor } from "@/lib/contrast";
import type { Tag } from "@/lib/didit/schema";

/** A tag in its own colour, with black or white text, whichever reads better (WCAG AA). */
export function TagPill({ tag }: { tag: Tag }) {
  const rgb = parseHexColor(tag.color);
  const style = rgb
    ? { backgroundColor: tag.color ?? undefined, color: readableTextColor(rgb) }
    : undefined;
  return (
    <span
      style={style}
      data-fallback={rgb ? undefined : "true"}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-black/10 ring-inset dark:ring-white/15 ${
        rgb ? "" : "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100"
      }`}
    >
      {tag.name}
    </span>
  );
}
