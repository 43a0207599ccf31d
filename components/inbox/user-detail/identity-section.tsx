import { CopyButton } from "@/components/ui/copy-button";
import type { InboxUser } from "@/lib/didit/types";
import { DetailRow, DetailSection, none } from "./detail-section";

/** Who the user is, with the identifiers an analyst pastes elsewhere one click from the clipboard. */
export function IdentitySection({ user }: { user: InboxUser }) {
  return (
    <DetailSection title="Identity">
      <dl>
        <DetailRow label="Vendor data">
          {user.vendorData ? (
            <span className="flex items-center gap-2">
              <code className="font-mono text-xs break-all">{user.vendorData}</code>
              <CopyButton value={user.vendorData} label="vendor data" />
            </span>
          ) : (
            none
          )}
        </DetailRow>
        <DetailRow label="Didit ID">
          <span className="flex items-center gap-2">
            <code className="font-mono text-xs break-all">{user.id}</code>
            <CopyButton value={user.id} label="Didit ID" />
          </span>
        </DetailRow>
        <DetailRow label="Display name">{user.displayName ?? none}</DetailRow>
        <DetailRow label="Full name">{user.fullName ?? none}</DetailRow>
        <DetailRow label="Date of birth">{user.dateOfBirth ?? none}</DetailRow>
      </dl>
    </DetailSection>
  );
}
