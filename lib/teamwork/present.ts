import type { ClaimInfo, NoteInfo, ProposalInfo } from "@/lib/api/types";
import type { ClaimRow, NoteRow, ProposalRow } from "@/lib/db/schema";
import { editableUntil } from "./notes";

/** The store's rows as the API answers them, from the asking analyst's point of view. */

export function claimInfo(row: ClaimRow, analystId: string): ClaimInfo {
  return {
    userId: row.userId,
    vendorData: row.vendorData,
    analyst: { id: row.analystId, name: row.analystName },
    claimedAt: row.claimedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    mine: row.analystId === analystId,
  };
}

export function noteInfo(row: NoteRow, analystId: string, now: Date): NoteInfo {
  const until = editableUntil(row);
  return {
    id: row.id,
    userId: row.userId,
    analyst: { id: row.analystId, name: row.analystName },
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    editableUntil: row.analystId === analystId && now < until ? until.toISOString() : null,
  };
}

export function proposalInfo(row: ProposalRow, analystId: string): ProposalInfo {
  return {
    id: row.id,
    userId: row.userId,
    vendorData: row.vendorData,
    statusBefore: row.statusBefore,
    statusAfter: row.statusAfter,
    reason: row.reason,
    proposer: { id: row.proposerId, name: row.proposerName },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    mine: row.proposerId === analystId,
  };
}
