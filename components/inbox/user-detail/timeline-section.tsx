import { LocalTime } from "@/components/ui/local-time";
import type { InboxUser } from "@/lib/didit/types";
import { DetailRow, DetailSection } from "./detail-section";

export function TimelineSection({ user }: { user: InboxUser }) {
  return (
    <DetailSection title="Timeline (your time zone; UTC on hover)">
      <dl>
        <DetailRow label="First session">
          <LocalTime value={user.firstSessionAt} />
        </DetailRow>
        <DetailRow label="Last session">
          <LocalTime value={user.lastSessionAt} />
        </DetailRow>
        <DetailRow label="Last activity">
          <LocalTime value={user.lastActivityAt} />
        </DetailRow>
        <DetailRow label="Created">
          <LocalTime value={user.createdAt} />
        </DetailRow>
      </dl>
    </DetailSection>
  );
}
