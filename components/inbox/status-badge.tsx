import { Badge } from "@/components/ui/badge";
import { humanizeKey, userStatusTone } from "@/components/ui/tones";

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={userStatusTone(status)}>{humanizeKey(status)}</Badge>;
}
