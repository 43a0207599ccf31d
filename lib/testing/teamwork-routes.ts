import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";
import { sealData } from "iron-session";
import { NextRequest } from "next/server";
import { vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import type { Database } from "@/lib/db/client";
import type { AuditEventRow } from "@/lib/db/schema";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { processSingleton } from "@/lib/runtime/process-singleton";
import type { DatabaseKind } from "./databases";
import { type RecordedRequest, sendJson, startFakeUpstream } from "./fake-upstream";

/**
 * What the route tests of the teamwork feature (claims, notes, proposals, queues, the event
 * stream) share: a configuration with passcode sign-in and a fake Didit, the store of the suite's
 * database kind installed as the server's own, signed-in analysts with a role, and requests made
 * as one of them. Everything that reads the configuration is imported only after `configure`.
 */

export const ORIGIN = "http://127.0.0.1:3000";
export const API_KEY = "test-key-0123456789";
const SESSION_SECRET = "s".repeat(40);
const SESSION_COOKIE = "inbox_session";

/** The cookies of the request in progress: each call runs with its own analyst's jar. */
const cookieJars = new AsyncLocalStorage<Map<string, string>>();

/**
 * `vi.mock("next/headers", async () => (await import("@/lib/testing/teamwork-routes")).nextHeadersMock())`
 * Route handlers read cookies through next/headers; this reads the jar of the call in progress,
 * so requests as different analysts may run at once.
 */
export function nextHeadersMock() {
  return {
    cookies: async () => {
      const jar = cookieJars.getStore() ?? new Map<string, string>();
      return {
        get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
        set: (name: string, value: string, options?: { maxAge?: number }) => {
          if (options?.maxAge === 0) jar.delete(name);
          else jar.set(name, value);
        },
        delete: (name: string) => jar.delete(name),
      };
    },
    headers: async () => new Headers(),
  };
}

export type FakeDidit = Awaited<ReturnType<typeof startFakeUpstream>>;

/** Sets the environment the routes read once, with a fake Didit; call before importing them. */
export async function configure(env: Record<string, string> = {}): Promise<FakeDidit> {
  const upstream = await startFakeUpstream();
  Object.assign(process.env, {
    DIDIT_API_KEY: API_KEY,
    DIDIT_API_BASE_URL: upstream.baseUrl,
    DIDIT_TIMEOUT_MS: "2000",
    DIDIT_DEADLINE_MS: "6000",
    INBOX_AUTH: "passcode",
    INBOX_PASSCODE: "correct-horse-battery-staple-unit",
    INBOX_SESSION_SECRET: SESSION_SECRET,
    LOG_LEVEL: "silent",
    ...env,
  });
  return upstream;
}

/** A Didit user as the single-user endpoint answers it. */
export function diditUser(id: string, vendorData: string, status = "ACTIVE") {
  return {
    ...docSample.results[0],
    didit_internal_id: id,
    vendor_data: vendorData,
    status,
    metadata: {},
    comments: [],
    updated_at: null,
  };
}

/**
 * Didit knowing `users` (vendor_data → id and status): the single-user endpoint answers them and
 * 404s anyone else; update-status answers 200 with the status it was sent.
 */
export function diditKnows(
  upstream: FakeDidit,
  users: Record<string, { id: string; status?: string }>,
): void {
  upstream.respondWith((request: RecordedRequest, res: ServerResponse) => {
    const [, v3, resource, encoded, action] = request.url.pathname.split("/");
    const vendorData = decodeURIComponent(encoded ?? "");
    const known = users[vendorData];
    if (v3 !== "v3" || resource !== "users" || !known) {
      return sendJson(res, 404, { detail: "Not found." });
    }
    if (request.method === "PATCH" && action === "update-status") {
      return sendJson(res, 200, { ...JSON.parse(request.body || "{}"), vendor_data: vendorData });
    }
    if (request.method === "GET" && action === "") {
      return sendJson(res, 200, diditUser(known.id, vendorData, known.status));
    }
    sendJson(res, 405, { detail: "Method not allowed." });
  });
}

export const patchesTo = (upstream: FakeDidit) =>
  upstream.requests.filter((request) => request.method === "PATCH");

/**
 * Makes a fresh database of `kind` the server's store (lib/db/database.ts), with a live bus over
 * it, after closing whatever the previous suite used.
 */
export async function installDatabase(kind: DatabaseKind): Promise<Database> {
  await uninstallDatabase();
  const database = await kind.open();
  processSingleton("database", () => Promise.resolve(database));
  return database;
}

export async function uninstallDatabase(): Promise<void> {
  const { closeLiveBus } = await import("@/lib/live/server");
  const { closeDatabase } = await import("@/lib/db/database");
  await closeLiveBus();
  await closeDatabase();
}

export interface TestAnalyst {
  id: string;
  name: string;
  role: Role;
  sessionId: string;
  /** The sealed session cookie. */
  cookie: string;
}

/** A session on the server for `name` with `role`, as passcode sign-in makes one. */
export async function signIn(name: string, role: Role = "reviewer"): Promise<TestAnalyst> {
  const { createSession } = await import("@/lib/auth/session-store");
  const { getDatabase } = await import("@/lib/db/database");
  const id = `passcode:${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const session = await createSession(
    (await getDatabase()).db,
    { id, name, role, authMode: "passcode" },
    new Date(),
  );
  const cookie = await sealData({ sid: session.id }, { password: SESSION_SECRET });
  return { id, name, role, sessionId: session.id, cookie };
}

export type RouteHandler<P = never> = (
  request: NextRequest,
  segment?: { params: Promise<P> },
) => Promise<Response>;

export interface ApiRequestInit {
  method?: string;
  /** Sent as JSON (a string is sent as it is). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** A request to the inbox as its own pages send it: same origin, JSON bodies. */
export function apiRequest(path: string, init: ApiRequestInit = {}): NextRequest {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { host: "127.0.0.1:3000" };
  if (method !== "GET") headers.origin = ORIGIN;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${ORIGIN}${path}`, {
    method,
    headers: { ...headers, ...init.headers },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : JSON.stringify(init.body),
    signal: init.signal,
  });
}

/** Runs `handler` on `request` with `who`'s session cookie (none for null). */
export function as<P>(
  who: TestAnalyst | null,
  handler: RouteHandler<P>,
  request: NextRequest,
  params?: P,
): Promise<Response> {
  const jar = new Map<string, string>(who ? [[SESSION_COOKIE, who.cookie]] : []);
  return cookieJars.run(jar, () =>
    handler(request, params === undefined ? undefined : { params: Promise.resolve(params) }),
  );
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field in the tests.
  body: any;
}

/** `as`, with the JSON answer read. */
export async function call<P>(
  who: TestAnalyst | null,
  handler: RouteHandler<P>,
  request: NextRequest,
  params?: P,
): Promise<Answer> {
  const response = await as(who, handler, request, params);
  return { status: response.status, body: await response.json() };
}

/** The audit trail, oldest first. */
export async function auditTrail(): Promise<AuditEventRow[]> {
  const { getDatabase } = await import("@/lib/db/database");
  const { auditEvents } = await import("@/lib/db/schema");
  const { asc } = await import("drizzle-orm");
  const { db } = await getDatabase();
  return db.select().from(auditEvents).orderBy(asc(auditEvents.id));
}

/** What `work` answered, and the audit events appended while it ran. */
export async function withAuditOf<T>(work: () => Promise<T>): Promise<[T, AuditEventRow[]]> {
  const before = (await auditTrail()).length;
  const result = await work();
  return [result, (await auditTrail()).slice(before)];
}

/** Audit events appended while `work` ran. */
export async function auditedDuring(work: () => Promise<unknown>): Promise<AuditEventRow[]> {
  const before = (await auditTrail()).length;
  await work();
  return (await auditTrail()).slice(before);
}

/** Every row of one of the teamwork tables. */
export async function rowsOf<T extends "claims" | "notes" | "proposals" | "liveEvents">(table: T) {
  const { getDatabase } = await import("@/lib/db/database");
  const schema = await import("@/lib/db/schema");
  const { db } = await getDatabase();
  return db.select().from(schema[table] as never) as unknown as Promise<
    (typeof schema)[T]["$inferSelect"][]
  >;
}

const MINUTE = 60_000;

/**
 * Runs `work` with the clock `ms` away from now (Date only: timers and I/O stay real). Sessions
 * last 30 idle minutes, so keep shifts of a signed-in analyst's clock under that.
 */
export async function withClockShiftedBy<T>(ms: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(Date.now() + ms));
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}

export { MINUTE };
