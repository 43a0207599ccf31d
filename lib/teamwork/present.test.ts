import { describe, expect, it } from "vitest";
import type { ClaimRow, NoteRow, ProposalRow } from "@/lib/db/schema";
import { claimInfo, noteInfo, proposalInfo } from "./present";

const T0 = new Date("2026-06-01T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

const claim: ClaimRow = {
  userId: "u1",
  vendorData: null,
  analystId: "oidc:ana",
  analystName: "Ana",
  claimedAt: T0,
  expiresAt: at(15 * MINUTE),
};

const note: NoteRow = {
  id: 3,
  userId: "u1",
  vendorData: "user-1",
  analystId: "oidc:ana",
  analystName: "Ana",
  body: "<b>verbatim</b>",
  createdAt: T0,
  editedAt: null,
};

const proposal: ProposalRow = {
  id: 9,
  userId: "u1",
  vendorData: "user-1",
  statusBefore: "FLAGGED",
  statusAfter: "BLOCKED",
  reason: "Document forged",
  proposerId: "oidc:ana",
  proposerName: "Ana",
  createdAt: T0,
  expiresAt: at(24 * 60 * MINUTE),
  state: "pending",
  reviewerId: null,
  reviewerName: null,
  reviewedAt: null,
  reviewReason: null,
};

describe("claimInfo", () => {
  it("answers the claim with its times as ISO strings, and whether it is the asker's", () => {
    expect(claimInfo(claim, "oidc:ana")).toEqual({
      userId: "u1",
      vendorData: null,
      analyst: { id: "oidc:ana", name: "Ana" },
      claimedAt: "2026-06-01T09:00:00.000Z",
      expiresAt: "2026-06-01T09:15:00.000Z",
      mine: true,
    });
    expect(claimInfo(claim, "oidc:ben").mine).toBe(false);
  });
});

describe("noteInfo", () => {
  it("offers the author an edit until five minutes after the note was written", () => {
    expect(noteInfo(note, "oidc:ana", at(MINUTE))).toEqual({
      id: 3,
      userId: "u1",
      analyst: { id: "oidc:ana", name: "Ana" },
      body: "<b>verbatim</b>",
      createdAt: "2026-06-01T09:00:00.000Z",
      editedAt: null,
      editableUntil: "2026-06-01T09:05:00.000Z",
    });
    expect(noteInfo(note, "oidc:ana", at(5 * MINUTE - 1)).editableUntil).toBe(
      "2026-06-01T09:05:00.000Z",
    );
  });

  it("offers no edit once the window is over, nor to anyone but the author", () => {
    expect(noteInfo(note, "oidc:ana", at(5 * MINUTE)).editableUntil).toBeNull();
    expect(noteInfo(note, "oidc:ben", at(MINUTE)).editableUntil).toBeNull();
  });

  it("says when the note was edited", () => {
    const edited = { ...note, editedAt: at(2 * MINUTE) };
    expect(noteInfo(edited, "oidc:ben", at(3 * MINUTE)).editedAt).toBe("2026-06-01T09:02:00.000Z");
  });
});

describe("proposalInfo", () => {
  it("answers the proposal, and whether the asker proposed it", () => {
    expect(proposalInfo(proposal, "oidc:ben")).toEqual({
      id: 9,
      userId: "u1",
      vendorData: "user-1",
      statusBefore: "FLAGGED",
      statusAfter: "BLOCKED",
      reason: "Document forged",
      proposer: { id: "oidc:ana", name: "Ana" },
      createdAt: "2026-06-01T09:00:00.000Z",
      expiresAt: "2026-06-02T09:00:00.000Z",
      mine: false,
    });
    expect(proposalInfo(proposal, "oidc:ana").mine).toBe(true);
  });
});
