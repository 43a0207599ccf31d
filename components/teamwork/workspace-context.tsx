"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ClaimInfo, ProposalInfo, Workspace } from "@/lib/api/types";

/**
 * What the team is doing with the users on screen (claims, note counts, proposals), given to the
 * table's cells and the panel without threading it through every column.
 */
const WorkspaceContext = createContext<Workspace | undefined>(undefined);

export function WorkspaceProvider({
  workspace,
  children,
}: {
  workspace: Workspace | undefined;
  children: ReactNode;
}) {
  return <WorkspaceContext.Provider value={workspace}>{children}</WorkspaceContext.Provider>;
}

export interface TeamState {
  claim: ClaimInfo | null;
  notes: number;
  proposal: ProposalInfo | null;
}

export function useTeamState(userId: string): TeamState {
  const workspace = useContext(WorkspaceContext);
  return {
    claim: workspace?.claims[userId] ?? null,
    notes: workspace?.noteCounts[userId] ?? 0,
    proposal: workspace?.proposals[userId] ?? null,
  };
}
