import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tones";

const OUTCOME_TONES: Record<string, Tone> = {
  done: "positive",
  failed: "negative",
  unknown: "warning",
  pending: "pending",
};

const OUTCOME_LABELS: Record<string, string> = {
  done: "Done",
  failed: "Failed",
  unknown: "Unknown",
  pending: "Pending",
};

/** What came of an event. An outcome the page does not know yet is shown as it comes, in grey. */
export function OutcomeBadge({ outcome, title }: { outcome: string; title?: string }) {
  return (
    <Badge tone={OUTCOME_TONES[outcome] ?? "neutral"} title={title}>
      {OUTCOME_LABELS[outcome] ?? outcome}
    </Badge>
  );
}

/** The server's explanation of a failed or unknown outcome, where it recorded one. */
export function outcomeMessage(details: Record<string, unknown>): string | undefined {
  return typeof details.message === "string" ? details.message : undefined;
}
