import type { QueuePage } from "@/lib/api/types";
import { getUser, isAddressable, UNADDRESSABLE_MESSAGE } from "@/lib/didit/client";
import { UpstreamError } from "@/lib/didit/errors";
import type { InboxUser } from "@/lib/didit/types";
import { apiRoute } from "@/lib/http/api-route";
import { apiError, json } from "@/lib/http/responses";
import { claimsOf } from "@/lib/teamwork/claims";
import { pendingProposals } from "@/lib/teamwork/proposals";
import { store } from "@/lib/teamwork/service";

export const dynamic = "force-dynamic";

type Params = { queue: string };

/** A queue is read again from Didit user by user: kept short, and a few at a time. */
const QUEUE_LIMIT = 100;
const CONCURRENCY = 4;

interface Entry {
  userId: string;
  vendorData: string | null;
}

/**
 * `GET /api/queues/mine` (the analyst's claims) and `GET /api/queues/approval` (proposals
 * awaiting a second reviewer). The inbox's store says who is in the queue; each user's current
 * data comes from Didit's single-user endpoint, within the rate budget like every other call.
 */
export const GET = apiRoute<Params>(
  { name: "/api/queues/[queue]" },
  async ({ params, analyst, request }) => {
    if (!analyst) throw new Error("a queue needs a signed-in analyst");
    const db = await store();
    const now = new Date();
    let entries: Entry[];
    if (params.queue === "mine") {
      entries = await claimsOf(db, analyst.id, now, QUEUE_LIMIT);
    } else if (params.queue === "approval") {
      entries = await pendingProposals(db, now, { limit: QUEUE_LIMIT });
    } else {
      return apiError("not_found", "There is no such queue: use mine or approval.");
    }

    const users: (InboxUser | null)[] = new Array(entries.length).fill(null);
    const missing: QueuePage["missing"] = [];
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < entries.length; index = next++) {
        // Only these two of the row's columns go into the answer (QueuePage["missing"]).
        const { userId, vendorData } = entries[index] as Entry;
        const entry = { userId, vendorData };
        if (entry.vendorData === null || !isAddressable(entry.vendorData)) {
          missing.push({
            ...entry,
            message:
              entry.vendorData === null
                ? "This user has no vendor data, so Didit cannot be asked for their current data."
                : UNADDRESSABLE_MESSAGE,
          });
          continue;
        }
        try {
          users[index] = await getUser(entry.vendorData, { signal: request.signal });
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error;
          // A rate limit or an outage is the whole queue's problem: say so, as a list would.
          if (error.code === "rate_limited" || error.code === "upstream_auth") throw error;
          missing.push({ ...entry, message: error.message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, worker));
    const page: QueuePage = {
      users: users.filter((user): user is InboxUser => user !== null),
      missing,
    };
    return json(page);
  },
);
