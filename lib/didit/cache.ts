/**
 * What Didit answered to GET requests, shared by every analyst on this instance: identical
 * requests in flight share one upstream call, and answers are kept a short while (list pages,
 * counts and single users each for their own time). Bounded in bytes (least recently used goes
 * first) and in time; never holds a portrait URL past its expiry. Errors are never kept.
 * Invalidated at once by the inbox's own decisions and by Didit's webhooks, on every instance
 * (lib/didit/cache-invalidation.ts).
 */

export interface CacheEntry<T> {
  value: T;
  bytes: number;
  expiresAt: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Callers that waited on another caller's identical request instead of sending their own. */
  coalesced: number;
  entries: number;
  bytes: number;
}

export interface UpstreamCacheOptions {
  maxBytes: number;
  /** Milliseconds (`Date.now` by default); tests pass a fake clock. */
  now?: () => number;
}

export interface LoadOptions<T> {
  /** How long the answer may be kept; 0 or less keeps nothing (but still coalesces). */
  ttlMs: number;
  /** Roughly how many bytes the answer takes. */
  size: (value: T) => number;
  /** The latest moment the answer may still be served (a portrait URL's expiry), if any. */
  validUntil?: (value: T, now: number) => number | null;
  /**
   * This caller's own abort: it stops waiting, and the shared request goes on for the others
   * (it is aborted once all of them have gone).
   */
  signal?: AbortSignal;
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers waiting on it; one without a signal of its own never leaves. */
  waiting: number;
}

export class UpstreamCache {
  private readonly entries = new Map<string, CacheEntry<unknown>>();
  private readonly inflight = new Map<string, Flight<unknown>>();
  /** Bumped by every invalidation: a request that started before it is not stored. */
  private generation = 0;
  private bytes = 0;
  private readonly stats = { hits: 0, misses: 0, coalesced: 0 };
  private readonly now: () => number;

  constructor(private readonly options: UpstreamCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The kept answer for `key`, or the one already on its way, or a new `fetch`. The shared fetch
   * gets a signal of its own that aborts only once every caller waiting on it has gone.
   */
  async load<T>(
    key: string,
    options: LoadOptions<T>,
    fetch: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) {
      // Most recently used goes to the end of the Map's order.
      this.entries.delete(key);
      this.entries.set(key, entry);
      this.stats.hits++;
      return entry.value as T;
    }
    if (entry) this.remove(key);

    let flight = this.inflight.get(key) as Flight<T> | undefined;
    if (flight) {
      this.stats.coalesced++;
    } else {
      this.stats.misses++;
      const generation = this.generation;
      const controller = new AbortController();
      const promise = fetch(controller.signal).then((value) => {
        if (generation === this.generation) this.store(key, value, options);
        return value;
      });
      const created: Flight<T> = { promise, controller, waiting: 0 };
      flight = created;
      this.inflight.set(key, created);
      const done = () => {
        if (this.inflight.get(key) === created) this.inflight.delete(key);
      };
      promise.then(done, done);
    }
    flight.waiting++;
    if (!options.signal) return flight.promise;
    const shared = flight;
    return abortable(shared.promise, options.signal, () => {
      // The last one waiting has gone: nobody needs the answer any more.
      if (--shared.waiting === 0) shared.controller.abort(options.signal?.reason);
    });
  }

  /** Forgets every answer, and keeps none from requests already in flight. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.inflight.clear();
    this.bytes = 0;
  }

  snapshot(): CacheStats {
    return { ...this.stats, entries: this.entries.size, bytes: this.bytes };
  }

  private store<T>(key: string, value: T, options: LoadOptions<T>): void {
    const now = this.now();
    const until = Math.min(now + options.ttlMs, options.validUntil?.(value, now) ?? Infinity);
    if (until <= now) return;
    const bytes = options.size(value);
    if (bytes > this.options.maxBytes) return;
    this.remove(key);
    this.entries.set(key, { value, bytes, expiresAt: until });
    this.bytes += bytes;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal, left: () => void): Promise<T> {
  if (signal.aborted) {
    left();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      left();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The earliest expiry among presigned portrait URLs (`X-Amz-Date` + `X-Amz-Expires`, or
 * `X-Amz-Expires` counted from `fetchedAt` when the URL names no date), or null when none says.
 */
export function portraitsValidUntil(
  urls: ReadonlyArray<string | null | undefined>,
  fetchedAt: number,
): number | null {
  let earliest: number | null = null;
  for (const raw of urls) {
    if (!raw) continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const expires = Number(url.searchParams.get("X-Amz-Expires"));
    if (!Number.isFinite(expires) || expires <= 0) continue;
    const date = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(
      url.searchParams.get("X-Amz-Date") ?? "",
    );
    const [, year, month, day, hour, minute, second] = (date ?? []).map(Number);
    const signedAt = date
      ? Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second)
      : fetchedAt;
    const until = signedAt + expires * 1000;
    if (earliest === null || until < earliest) earliest = until;
  }
  return earliest;
}
