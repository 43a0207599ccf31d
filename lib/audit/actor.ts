import type { Analyst } from "@/lib/auth/session";
import type { AuthMode } from "@/lib/env/schema";

/** Who an audit event is attributed to, and how much that attribution is worth. */
export interface Actor {
  id: string;
  name: string;
  /**
   * `passcode`: the name is whatever the analyst typed; `none`: nobody signed in (loopback);
   * `webhook`: Didit itself, telling the inbox of a change (a signed webhook).
   */
  authMode: AuthMode | "webhook";
}

/** Didit, as the author of a change it reported by webhook. */
export const DIDIT_ACTOR: Actor = { id: "didit", name: "Didit", authMode: "webhook" };

export function actorFor(analyst: Analyst, authMode: AuthMode): Actor {
  return { id: analyst.id, name: analyst.name, authMode };
}

/** What an auditor is told about an attribution, beside the name. */
export function attributionNote(authMode: string): string | null {
  if (authMode === "passcode") return "self-declared name (shared passcode)";
  if (authMode === "none") return "no sign-in (local, loopback only)";
  if (authMode === "webhook") return "reported by Didit (signed webhook)";
  return null;
}
