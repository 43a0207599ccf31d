import { Badge } from "@/components/ui/badge";
import { featureStatusTone, humanizeKey } from "@/components/ui/tones";
import type { Feature } from "@/lib/didit/types";

export function FeatureChip({ feature }: { feature: Feature }) {
  return (
    <Badge tone={featureStatusTone(feature.status)} title={`${feature.feature}: ${feature.status}`}>
      {humanizeKey(feature.feature)}
      <span aria-hidden="true" className="mx-1 opacity-60">
        ·
      </span>
      <span className="font-normal">{feature.status}</span>
    </Badge>
  );
}
