/** The kinds of audit event, as stored in `audit_events.action`. */
export const AUDIT_ACTIONS = {
  statusChange: "status.change",
  userOpened: "user.opened",
  usersExported: "users.exported",
  signedIn: "session.signed-in",
  signedOut: "session.signed-out",
  signedOutEverywhere: "session.signed-out-everywhere",
  sessionRevoked: "session.revoked",
  claimTaken: "claim.taken",
  claimReleased: "claim.released",
  claimTakenOver: "claim.taken-over",
  noteAdded: "note.added",
  noteEdited: "note.edited",
  noteDeleted: "note.deleted",
  proposalCreated: "proposal.created",
  proposalApproved: "proposal.approved",
  proposalRejected: "proposal.rejected",
  diditChanged: "didit.changed",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "status.change": "Status change",
  "user.opened": "Opened a user",
  "users.exported": "Exported users",
  "session.signed-in": "Signed in",
  "session.signed-out": "Signed out",
  "session.signed-out-everywhere": "Signed out everywhere",
  "session.revoked": "Ended a session",
  "claim.taken": "Claimed a user",
  "claim.released": "Released a claim",
  "claim.taken-over": "Took over a claim",
  "note.added": "Added a note",
  "note.edited": "Edited a note",
  "note.deleted": "Deleted a note",
  "proposal.created": "Proposed a change",
  "proposal.approved": "Approved a proposal",
  "proposal.rejected": "Rejected a proposal",
  "didit.changed": "Changed in Didit",
};

/** `pending`: an intent whose outcome is not recorded yet (or was lost in a crash). */
export const AUDIT_OUTCOMES = ["pending", "done", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
