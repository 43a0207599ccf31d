import type { InboxUser } from "@/lib/didit/types";
import { FeatureChip } from "../feature-chip";
import { DetailRow, DetailSection, none } from "./detail-section";

/** Which checks ran and how, the sessions, and the countries whose documents were shown. */
export function VerificationSection({ user }: { user: InboxUser }) {
  return (
    <DetailSection title="Verification">
      {user.features.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No features checked.</p>
      ) : (
        <div className="flex flex-wrap gap-1">
          {user.features.map((feature) => (
            <FeatureChip key={feature.feature} feature={feature} />
          ))}
        </div>
      )}
      <dl className="mt-3">
        <DetailRow label="Sessions">
          {user.sessions.total} in all: {user.sessions.approved} approved, {user.sessions.declined}{" "}
          declined, {user.sessions.inReview} in review
        </DetailRow>
        <DetailRow label="Issuing states">
          {user.issuingStates.length === 0 ? (
            none
          ) : (
            <ul>
              {user.issuingStates.map(({ country, count }) => (
                <li key={country}>
                  <span className="font-mono">{country}</span>
                  {count !== null && ` · ${count} document${count === 1 ? "" : "s"}`}
                </li>
              ))}
            </ul>
          )}
        </DetailRow>
      </dl>
    </DetailSection>
  );
}
