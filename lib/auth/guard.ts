import "server-only";
import { redirect } from "next/navigation";
import { type Analyst, currentAnalyst } from "./session";

/**
 * For pages: the signed-in analyst, or a redirect to sign-in that comes back to `returnTo`
 * (so a bookmark survives signing in). Checked in the page itself, not only in proxy.ts.
 */
export async function requireAnalyst(returnTo: string): Promise<Analyst> {
  // Opening a page is the analyst's own doing: it keeps the session alive.
  const analyst = await currentAnalyst(true);
  if (!analyst) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return analyst;
}
