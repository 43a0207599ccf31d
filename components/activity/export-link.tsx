import { useCan } from "@/components/auth/analyst-context";
import { buttonClasses } from "@/components/ui/field";
import { type ActivityQuery, serializeActivityFilters } from "@/lib/activity/query-state";

/**
 * Every event the filters match, not only the page. A plain download link: the browser streams
 * the server's CSV straight to disk (the trail can be long), and the file name comes from the
 * server's Content-Disposition.
 */
export function ExportLink({ query }: { query: ActivityQuery }) {
  // Exporting is a reviewer's (the route refuses a viewer too).
  const allowed = useCan("reviewer");
  const { limit: _limit, offset: _offset, ...filters } = query;
  if (!allowed) return null;
  return (
    <a
      href={serializeActivityFilters("/api/activity/export", filters)}
      download
      className={buttonClasses}
    >
      Export CSV
    </a>
  );
}
