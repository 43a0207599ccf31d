import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { currentParty } from "@/lib/runtime/request-party";
import { type AttemptRequest, type AttemptResult, sendAttempt } from "./attempt";
import {
  deadlineError,
  errorForStatus,
  heldBackError,
  networkError,
  notJsonError,
  timeoutError,
  type UpstreamError,
} from "./errors";
import type { Budget } from "./rate-budget";
import { backoffMs, shouldRetry } from "./retry-policy";
import { teamBudget } from "./team-budget";
import { upstream as configuredUpstream, type Upstream } from "./upstream";

/**
 * A request to Didit with the protections around it: the rate budget (reads and writes each have
 * their own, as Didit counts them apart) and the cool-down after a 429, retries for passing
 * failures, a per-attempt timeout and an overall deadline. Answers the parsed JSON body or throws
 * an UpstreamError; only the caller's own abort is rethrown as is.
 */

/** What the caller may log about the exchange: no URL, no key, no body. */
export interface UpstreamInfo {
  /** The last attempt's HTTP status, or how it failed. */
  status: number | "error" | "timeout";
  /** How long the last attempt took. */
  durationMs: number;
  attempts: number;
}

export interface RequestOptions {
  /** The caller gave up (the browser went away): stop at once. */
  signal?: AbortSignal;
  upstream?: Upstream;
  /** Called once after the last attempt, success or not; not called when nothing was sent. */
  onUpstream?: (info: UpstreamInfo) => void;
  /** Defaults to the process-wide budget for the configured limit. */
  budget?: Budget;
  /** Whose share of the budget this spends; defaults to the current request's analyst. */
  party?: string | null;
  /** The backoff's jitter source, in [0, 1); tests pin it. */
  random?: () => number;
  /**
   * Monotonic milliseconds, for the deadline and the reported durations (`performance.now` by
   * default). Tests pass a fake clock, so the deadline logic is checked without waiting for it.
   */
  now?: () => number;
  /** Waits out a backoff, ending early (rejecting) when `signal` aborts; tests advance a fake clock. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Sends one attempt (`sendAttempt` by default); tests script what each attempt does. */
  attempt?: (request: AttemptRequest) => Promise<AttemptResult>;
}

const defaultNow = () => performance.now();
const defaultSleep = (ms: number, signal?: AbortSignal) =>
  sleep(ms, undefined, { signal }).then(() => undefined);

export type Resource = "list" | "user" | "status";

/**
 * A write. `idempotent`: sending it twice has the effect of sending it once (a status change
 * sets the same status again, and Didit records nothing when the status does not change), so
 * the same passing failures as for reads may be retried.
 */
export interface Write {
  method: "PATCH";
  json: unknown;
  idempotent: boolean;
}

function statusOf(result: AttemptResult): UpstreamInfo["status"] {
  if (result.kind === "response") return result.status;
  return result.kind === "timeout" ? "timeout" : "error";
}

/** The body of a successful answer, or the error it stands for. */
function interpret(
  result: AttemptResult,
  resource: Resource,
  timedOut: () => UpstreamError,
): { ok: true; body: unknown } | { ok: false; error: UpstreamError } {
  if (result.kind === "timeout") return { ok: false, error: timedOut() };
  if (result.kind === "network") {
    return { ok: false, error: networkError(result.cutOff, result.refused) };
  }
  let body: unknown;
  try {
    body = result.text === "" ? null : JSON.parse(result.text);
  } catch {
    body = undefined;
  }
  if (result.status < 200 || result.status > 299) {
    const retryAfter = result.headers.get("retry-after");
    return { ok: false, error: errorForStatus(result.status, body, retryAfter, resource) };
  }
  if (body === undefined) return { ok: false, error: notJsonError(result.status) };
  return { ok: true, body };
}

export function getJson(url: URL, resource: Resource, options: RequestOptions = {}) {
  return send(url, resource, undefined, options);
}

export function writeJson(
  url: URL,
  resource: Resource,
  write: Write,
  options: RequestOptions = {},
) {
  return send(url, resource, write, options);
}

async function send(
  url: URL,
  resource: Resource,
  write: Write | undefined,
  options: RequestOptions,
): Promise<unknown> {
  const upstream = options.upstream ?? configuredUpstream;
  const budget =
    options.budget ??
    (write
      ? teamBudget(upstream.writeLimitPerMinute, "write")
      : teamBudget(upstream.rateLimitPerMinute, "read"));
  const now = options.now ?? defaultNow;
  const wait = options.sleep ?? defaultSleep;
  const attempt = options.attempt ?? sendAttempt;
  const deadlineAt = now() + upstream.deadlineMs;
  const party = options.party === undefined ? currentParty() : options.party;
  let last: UpstreamInfo | undefined;
  let lastError: UpstreamError | undefined;
  let reached = false;
  try {
    for (let retry = 0; ; retry++) {
      const admission = await budget.take(party);
      if (!admission.ok) {
        // Out of budget for a retry: the failure already seen is the honest answer.
        throw lastError ?? heldBackError(admission.reason, admission.retryAfterMs);
      }
      const remainingMs = deadlineAt - now();
      const cutByDeadline = remainingMs < upstream.timeoutMs;
      const started = now();
      const result = await attempt({
        url,
        ...(write && { method: write.method, json: write.json }),
        apiKey: upstream.apiKey,
        timeoutMs: Math.min(upstream.timeoutMs, remainingMs),
        signal: options.signal,
      });
      last = {
        status: statusOf(result),
        durationMs: Math.round(now() - started),
        attempts: retry + 1,
      };
      const outcome = interpret(result, resource, () =>
        cutByDeadline ? deadlineError(upstream.deadlineMs) : timeoutError(upstream.timeoutMs),
      );
      if (outcome.ok) return outcome.body;
      // Refused now, but an earlier attempt may have reached Didit: then it is not "never sent".
      if (!outcome.error.details.neverSent) reached = true;
      lastError = reached && outcome.error.details.neverSent ? networkError(false) : outcome.error;
      if (outcome.error.code === "rate_limited" && outcome.error.details.retryAfter) {
        await budget.coolDown(outcome.error.details.retryAfter * 1000);
      }
      const delayMs = backoffMs(retry, options.random);
      const retrying = shouldRetry({
        method: write?.method ?? "GET",
        idempotent: write ? write.idempotent : true,
        outcome: result,
        attempts: retry + 1,
        delayMs,
        remainingMs: deadlineAt - now(),
        timeoutMs: upstream.timeoutMs,
      });
      if (!retrying) throw lastError;
      await wait(delayMs, options.signal);
    }
  } finally {
    if (last !== undefined) options.onUpstream?.(last);
  }
}
