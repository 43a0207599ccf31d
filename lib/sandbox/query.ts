import {
  SANDBOX_STATUSES,
  type SandboxStatus,
  type SandboxUser,
  type SandboxUserDetail,
} from "./sandbox-user";
import { foldForSearch } from "./text-fold";

/** Filters and page of one list request, already validated (see query-params.ts). */
export interface SandboxQuery {
  status?: SandboxStatus;
  /** Substring, matched case- and accent-insensitively; blank means no filter. */
  search?: string;
  /** ISO 3166-1 alpha-3, upper case. */
  country?: string;
  /** Epoch milliseconds: `after` bounds are inclusive, `before` bounds exclusive. */
  createdAfter?: number;
  createdBefore?: number;
  lastActivityAfter?: number;
  lastActivityBefore?: number;
  limit: number;
  offset: number;
}

export interface SandboxPage {
  /** Exact number of matches, across all pages. */
  count: number;
  results: SandboxUser[];
}

/**
 * Everything a query needs, computed once per dataset so that a request only scans numbers and
 * pre-folded strings. Arrays are indexed by position in `users`.
 * Read-only to queries; the one writer is `setIndexedStatus`, which keeps `users`, `byVendorData`
 * and `positionsByStatus` in step so a read after a status change sees it everywhere.
 */
export interface SandboxIndex {
  /** Newest `created_at` first, ties by `didit_internal_id`: the order of every list response. */
  readonly users: readonly SandboxUser[];
  /** The dataset's "now" (epoch ms): derived fields such as a user's `updated_at` stay before it. */
  readonly referenceTime: number;
  readonly byVendorData: ReadonlyMap<string, SandboxUser>;
  /** Position in `users` of the record `byVendorData` names. */
  readonly positionByVendorData: ReadonlyMap<string, number>;
  /**
   * Single-user records of users whose status was changed through the API. The others are derived
   * from the record on each read (user-detail.ts); these keep what the change appended.
   */
  readonly changedDetails: Map<string, SandboxUserDetail>;
  readonly createdAt: Float64Array;
  /** NaN for users with no recorded activity. */
  readonly lastActivityAt: Float64Array;
  readonly countries: readonly (readonly string[])[];
  /** vendor_data, names, approved emails and phones, folded and separated by NUL. */
  readonly haystacks: readonly string[];
  /** Ascending positions of the users with each status. */
  readonly positionsByStatus: Readonly<Record<SandboxStatus, Int32Array>>;
}

function toMs(timestamp: string | null | undefined): number {
  return timestamp ? Date.parse(timestamp) : Number.NaN;
}

// Both shapes docs/didit-api.md allows: `{ "USA": 2 }` and `["USA"]`.
function keysOf(value: Record<string, unknown> | string[]): string[] {
  return Array.isArray(value) ? value : Object.keys(value);
}

function haystackOf(user: SandboxUser): string {
  const fields = [user.vendor_data, user.display_name, user.full_name];
  fields.push(...keysOf(user.approved_emails), ...keysOf(user.approved_phones));
  // Folded field by field so ASCII fields take the fast path; NUL cannot occur in a search
  // term, so a match never spans two fields.
  return fields.map((field) => (field === null ? "" : foldForSearch(field))).join("\u0000");
}

/** The latest instant any record mentions: the earliest "now" the records are consistent with. */
function newestTimestamp(records: readonly SandboxUser[]): number {
  let newest = 0;
  for (const user of records) {
    for (const timestamp of [user.created_at, user.last_session_at, user.last_activity_at]) {
      const ms = toMs(timestamp);
      if (ms > newest) newest = ms;
    }
  }
  return newest;
}

/**
 * `referenceTime` is the instant the records were generated relative to; without it (hand-built
 * records in tests) the newest timestamp in them stands in, so nothing derived lands after them.
 */
export function buildSandboxIndex(
  records: readonly SandboxUser[],
  options: { referenceTime?: number } = {},
): SandboxIndex {
  // Unparseable creation dates sort last rather than poisoning the comparator with NaN.
  const created = records.map((user) => {
    const ms = toMs(user.created_at);
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  });
  const order = records.map((_, i) => i);
  order.sort((a, b) => {
    const createdA = created[a] ?? 0;
    const createdB = created[b] ?? 0;
    if (createdA !== createdB) return createdA > createdB ? -1 : 1;
    const idA = records[a]?.didit_internal_id ?? "";
    const idB = records[b]?.didit_internal_id ?? "";
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  const users = order.map((i) => records[i] as SandboxUser);
  const createdAt = Float64Array.from(order, (i) => created[i] ?? 0);
  // docs/didit-api.md: last activity is last_activity_at where present, else last_session_at.
  const lastActivityAt = Float64Array.from(users, (user) =>
    toMs(user.last_activity_at ?? user.last_session_at),
  );
  const positions: Record<SandboxStatus, number[]> = { ACTIVE: [], FLAGGED: [], BLOCKED: [] };
  users.forEach((user, position) => {
    positions[user.status]?.push(position);
  });
  const positionsByStatus = Object.fromEntries(
    SANDBOX_STATUSES.map((status) => [status, Int32Array.from(positions[status])]),
  ) as Record<SandboxStatus, Int32Array>;
  const byVendorData = new Map<string, SandboxUser>();
  const positionByVendorData = new Map<string, number>();
  users.forEach((user, position) => {
    if (user.vendor_data === null) return;
    byVendorData.set(user.vendor_data, user);
    positionByVendorData.set(user.vendor_data, position);
  });
  return {
    users,
    referenceTime: options.referenceTime ?? newestTimestamp(records),
    byVendorData,
    positionByVendorData,
    changedDetails: new Map(),
    createdAt,
    lastActivityAt,
    countries: users.map((user) => keysOf(user.issuing_states).map((c) => c.toUpperCase())),
    haystacks: users.map(haystackOf),
    positionsByStatus,
  };
}

/** First index in [from, to) whose value satisfies `test`, given `test` is monotonic over it. */
function partitionPoint(from: number, to: number, test: (i: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function withPosition(positions: Int32Array, position: number): Int32Array {
  const at = partitionPoint(0, positions.length, (k) => (positions[k] ?? 0) >= position);
  const next = new Int32Array(positions.length + 1);
  next.set(positions.subarray(0, at));
  next[at] = position;
  next.set(positions.subarray(at), at + 1);
  return next;
}

function withoutPosition(positions: Int32Array, position: number): Int32Array {
  const at = partitionPoint(0, positions.length, (k) => (positions[k] ?? 0) >= position);
  if (positions[at] !== position) return positions;
  const next = new Int32Array(positions.length - 1);
  next.set(positions.subarray(0, at));
  next.set(positions.subarray(at + 1), at);
  return next;
}

/**
 * Gives the user at `position` a new status, in place, and returns the new record. The record is
 * replaced rather than edited, so pages already handed out and the caller's source records stay
 * as they were. Copying a bucket is O(n), fine for Didit's 300 writes a minute.
 */
export function setIndexedStatus(
  index: SandboxIndex,
  position: number,
  status: SandboxStatus,
): SandboxUser | null {
  const users = index.users as SandboxUser[];
  const previous = users[position];
  if (previous === undefined) return null;
  if (previous.status === status) return previous;
  const updated: SandboxUser = { ...previous, status };
  users[position] = updated;
  const vendorData = previous.vendor_data;
  if (vendorData !== null && index.byVendorData.get(vendorData) === previous) {
    (index.byVendorData as Map<string, SandboxUser>).set(vendorData, updated);
  }
  const buckets = index.positionsByStatus as Record<SandboxStatus, Int32Array>;
  // Hand-built records may carry a status outside the three buckets (see buildSandboxIndex).
  const from = buckets[previous.status] as Int32Array | undefined;
  if (from !== undefined) buckets[previous.status] = withoutPosition(from, position);
  buckets[status] = withPosition(buckets[status], position);
  return updated;
}

export function querySandbox(index: SandboxIndex, query: SandboxQuery): SandboxPage {
  const { createdAt, lastActivityAt, countries, haystacks, users } = index;
  // Users are sorted by created_at descending, so the creation window is one contiguous range.
  const before = query.createdBefore;
  const after = query.createdAfter;
  const first =
    before === undefined ? 0 : partitionPoint(0, users.length, (p) => (createdAt[p] ?? 0) < before);
  const last =
    after === undefined
      ? users.length
      : partitionPoint(first, users.length, (p) => (createdAt[p] ?? 0) < after);

  const positions = query.status === undefined ? undefined : index.positionsByStatus[query.status];
  const start = positions
    ? partitionPoint(0, positions.length, (k) => (positions[k] ?? 0) >= first)
    : first;
  const end = positions
    ? partitionPoint(start, positions.length, (k) => (positions[k] ?? 0) >= last)
    : last;

  const needle = query.search === undefined ? "" : foldForSearch(query.search.trim());
  const { country } = query;
  const filterActivity =
    query.lastActivityAfter !== undefined || query.lastActivityBefore !== undefined;
  const activityFrom = query.lastActivityAfter ?? Number.NEGATIVE_INFINITY;
  const activityTo = query.lastActivityBefore ?? Number.POSITIVE_INFINITY;
  const pageEnd = query.offset + query.limit;

  const results: SandboxUser[] = [];
  let count = 0;
  for (let k = start; k < end; k++) {
    const p = positions ? (positions[k] ?? 0) : k;
    if (country !== undefined && !countries[p]?.includes(country)) continue;
    if (filterActivity) {
      const activity = lastActivityAt[p] ?? Number.NaN;
      // NaN (never active) fails both comparisons, so any activity bound excludes such users.
      if (!(activity >= activityFrom && activity < activityTo)) continue;
    }
    if (needle !== "" && !haystacks[p]?.includes(needle)) continue;
    if (count >= query.offset && count < pageEnd) {
      const user = users[p];
      if (user !== undefined) results.push(user);
    }
    count++;
  }
  return { count, results };
}
