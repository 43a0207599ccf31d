import { activityCsvHead, activityCsvRecords } from "@/lib/activity/csv";
import { presentEvent } from "@/lib/activity/present";
import { activityWindow, parseActivityQuery } from "@/lib/activity/query-state";
import { auditEventBatches } from "@/lib/db/audit-queries";
import { getDatabase } from "@/lib/db/database";
import { attachmentDisposition } from "@/lib/export/export-filename";
import { apiRoute } from "@/lib/http/api-route";
import { invalidQuery } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/**
 * The trail as CSV, every event the filters match, streamed a batch at a time: the next batch is
 * read only when the client has taken the previous one.
 */
export const GET = apiRoute(
  { name: "/api/activity/export", role: "reviewer" },
  async ({ request }) => {
    const parsed = parseActivityQuery(request.nextUrl.searchParams);
    if (!parsed.ok) return invalidQuery(parsed.fields);
    const { query } = parsed;
    const { db } = await getDatabase();
    const batches = auditEventBatches(db, { ...query, ...activityWindow(query) });
    const encoder = new TextEncoder();
    let headSent = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headSent) {
          headSent = true;
          controller.enqueue(encoder.encode(activityCsvHead()));
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(activityCsvRecords(next.value.map(presentEvent))));
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachmentDisposition(`inbox-activity-${day}.csv`),
        "cache-control": "no-store",
      },
    });
  },
);
