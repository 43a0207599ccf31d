import "server-only";
import { stringify } from "csv-stringify/sync";
import type { ActivityEvent } from "@/lib/api/types";
import { escapeFormula } from "@/lib/export/formula-escape";

const COLUMNS = [
  "id",
  "occurred_at",
  "analyst_id",
  "analyst_name",
  "sign_in",
  "action",
  "target_didit_id",
  "target_vendor_data",
  "status_before",
  "status_after",
  "reason",
  "outcome",
  "outcome_code",
  "request_id",
  "intent_id",
  "details",
] as const;

const OPTIONS = {
  columns: [...COLUMNS],
  record_delimiter: "windows",
  quote_record_delimiter: true,
  eof: true,
} as const;

const text = (value: string | number | null) =>
  value === null ? "" : escapeFormula(String(value));

export function activityCsvHead(): string {
  return stringify([], { ...OPTIONS, header: true, bom: true });
}

export function activityCsvRecords(events: readonly ActivityEvent[]): string {
  if (events.length === 0) return "";
  return stringify(
    events.map((event) => ({
      id: event.id,
      occurred_at: event.occurredAt,
      analyst_id: text(event.analyst.id),
      analyst_name: text(event.analyst.name),
      sign_in: event.analyst.authMode,
      action: event.action,
      target_didit_id: text(event.target.internalId),
      target_vendor_data: text(event.target.vendorData),
      status_before: text(event.statusBefore),
      status_after: text(event.statusAfter),
      reason: text(event.reason),
      outcome: event.outcome,
      outcome_code: text(event.outcomeCode),
      request_id: text(event.requestId),
      intent_id: event.intentId ?? "",
      details: text(Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : null),
    })),
    { ...OPTIONS, header: false },
  );
}
