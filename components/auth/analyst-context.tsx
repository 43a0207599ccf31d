"use client";

import { createContext, type ReactNode, useContext } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";

/** The signed-in analyst as the browser knows them: for attribution on screen and hiding controls. */
export interface SignedInAnalyst {
  id: string;
  name: string;
  role: Role;
}

const AnalystContext = createContext<SignedInAnalyst | null>(null);

export function AnalystProvider({
  analyst,
  children,
}: {
  analyst: SignedInAnalyst;
  children: ReactNode;
}) {
  return <AnalystContext.Provider value={analyst}>{children}</AnalystContext.Provider>;
}

export function useAnalyst(): SignedInAnalyst | null {
  return useContext(AnalystContext);
}

/**
 * Whether the analyst's role includes `role`. Only decides what is shown: every route handler
 * checks the role again (lib/http/api-route.ts). Without a provider (tests of one component),
 * everything is shown.
 */
export function useCan(role: Role): boolean {
  const analyst = useContext(AnalystContext);
  return analyst === null || hasRole(analyst.role, role);
}
