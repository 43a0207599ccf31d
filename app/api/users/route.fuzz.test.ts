import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import docSample from "@/lib/didit/fixtures/doc-sample.json";
import { sharedRateBudget } from "@/lib/didit/rate-budget";
import { fieldSchemas, USER_STATUSES } from "@/lib/inbox/query-state";
import { sendJson, startFakeUpstream } from "@/lib/testing/fake-upstream";

/**
 * Property: whatever query string a browser, a bookmark or a script sends, `/api/users` answers
 * 200 (having asked Didit once) or a well-formed 400 (having asked Didit nothing). Never a 500.
 */

const RATE_LIMIT = 600;
const PARAMS = Object.keys(fieldSchemas);
let upstream: Awaited<ReturnType<typeof startFakeUpstream>>;
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  // Answer at once: the property is about the proxy, not about waiting.
  upstream = await startFakeUpstream((_, res) => sendJson(res, 200, docSample));
  process.env.DIDIT_API_KEY = "test-key-0123456789";
  process.env.DIDIT_API_BASE_URL = upstream.baseUrl;
  process.env.DIDIT_TIMEOUT_MS = "2000";
  // No sign-in in these tests (allowed on loopback), and no access log for every call.
  process.env.INBOX_AUTH = "none";
  process.env.LOG_LEVEL = "silent";
  process.env.DIDIT_RATE_LIMIT_PER_MINUTE = String(RATE_LIMIT);
  // Each request's own path to Didit is under test here: nothing is kept between requests
  // (the shared cache has tests of its own, in route.cache.test.ts).
  process.env.DIDIT_CACHE_SECONDS = "0";
  process.env.DIDIT_COUNT_CACHE_SECONDS = "0";
  ({ GET } = await import("./route"));
});

afterAll(() => upstream.close());

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyChar = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: fc.constantFrom("&", "=", "%", "+", "#", "?", " ", "\u00a0", "\ufeff") },
);

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** ISO 8601 dates and date-times and their near-misses: where a validator and `Date` disagree. */
const dateLike = fc
  .record({
    year: fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 10_000 })),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 13 })),
    day: fc.oneof(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 32 })),
    time: fc.option(
      fc.record({
        separator: fc.constantFrom("T", "T", "T", "t", " "),
        hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 25 })),
        minute: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 60 })),
        second: fc.option(fc.integer({ min: 0, max: 61 }), { freq: 4 }),
        fraction: fc.option(fc.stringMatching(/^\d{0,12}$/)),
        zone: fc.constantFrom(
          "Z",
          "Z",
          "+02:00",
          "-23:59",
          "+14:00",
          "",
          "z",
          "+24:00",
          "+0200",
          "+02",
        ),
      }),
    ),
    padding: fc.constantFrom("", "", "", " ", "\t", "\u00a0"),
  })
  .map(({ year, month, day, time, padding }) => {
    const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (!time) return `${padding}${date}${padding}`;
    const seconds = time.second === null ? "" : `:${pad(time.second, 2)}`;
    const fraction = time.fraction === null ? "" : `.${time.fraction}`;
    const clock = `${pad(time.hour, 2)}:${pad(time.minute, 2)}${seconds}${fraction}`;
    return `${padding}${date}${time.separator}${clock}${time.zone}${padding}`;
  });

const numericLike = fc.oneof(
  fc.integer().map(String),
  fc.integer({ min: -5, max: 300 }).map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.constantFrom(
    "1e3",
    "-0",
    "0x10",
    " 12 ",
    "+5",
    "00050",
    "1_000",
    "Infinity",
    "NaN",
    "٣",
    "２",
  ),
  fc.constantFrom("9007199254740991", "9007199254740992", "99999999999999999999999"),
);

const junk = fc.oneof(
  fc.constant(""),
  fc.string({ unit: anyChar, maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary-ascii", minLength: 150, maxLength: 5_000 }),
  numericLike,
  dateLike,
  fc.constantFrom(...USER_STATUSES, "active", " FLAGGED", "ESP", "esp", "Spain", "ÉSP", "E S"),
);

/** Values a real client might send for each parameter, so valid queries get far too. */
const plausible: Record<string, fc.Arbitrary<string>> = {
  status: fc.constantFrom(...USER_STATUSES, "", " ACTIVE ", "active"),
  search: fc.string({ unit: anyChar, maxLength: 220 }),
  country: fc.oneof(fc.stringMatching(/^[A-Za-z]{3}$/), fc.constantFrom(" esp ", "ES", "ESPA")),
  limit: fc.oneof(fc.integer({ min: 0, max: 250 }).map(String), fc.constantFrom("25", " 50 ")),
  offset: fc.oneof(fc.nat().map(String), fc.constantFrom("0", "9007199254740991")),
  created_after: dateLike,
  created_before: dateLike,
  last_activity_after: dateLike,
  last_activity_before: dateLike,
};

const junkKey = fc.oneof(
  fc.constantFrom("page", "cursor", "page_size", "country_code", "__proto__", "Limit"),
  fc.string({ unit: anyChar, maxLength: 10 }),
);

const pair = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...PARAMS)
      .chain((name) =>
        fc.tuple(
          fc.constant(name),
          fc.oneof({ weight: 4, arbitrary: plausible[name] ?? junk }, junk),
        ),
      ),
  },
  { weight: 1, arbitrary: fc.tuple(junkKey, junk) },
);

/** How a part reaches the URL: properly encoded, as a form would, raw, or with broken escapes. */
const encoding = fc.constantFrom("component", "component", "form", "raw", "mangled");
const brokenEscape = fc.constantFrom("%", "%2", "%zz", "%E0%A4", "%C0%AF", "%00", "%FF", "%%");

function encode(text: string, how: string, broken: string): string {
  if (how === "component") return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "?"));
  if (how === "form") return new URLSearchParams({ x: text }).toString().slice(2);
  if (how === "mangled") return `${broken}${text}${broken}`;
  return text;
}

const queryString = fc
  .array(fc.tuple(pair, encoding, brokenEscape), { maxLength: 8 })
  .chain((pairs) =>
    // Repeated keys: Didit would see the first; the route must not choke on the rest.
    fc.tuple(fc.constant(pairs), fc.subarray(pairs), fc.constantFrom("", "&", "&&=&", "=")),
  )
  .map(([pairs, repeated, tail]) => {
    const parts = [...pairs, ...repeated].map(
      ([[k, v], how, broken]) => `${encode(k, how, broken)}=${encode(v, how, broken)}`,
    );
    return `?${parts.join("&")}${tail}`;
  });

/** Independent of the route's own parsing: the fields a 400 must name, for the simple ones. */
function expectedInvalid(params: URLSearchParams): Set<string> {
  const invalid = new Set<string>();
  const check = (name: string, valid: (raw: string) => boolean) => {
    const raw = params.get(name);
    if (raw !== null && raw.trim() !== "" && !valid(raw.trim())) invalid.add(name);
  };
  const wholeIn = (min: number, max: number) => (raw: string) =>
    /^[0-9]+$/.test(raw) && Number(raw) >= min && Number(raw) <= max;
  check("status", (raw) =>
    (USER_STATUSES as readonly string[]).includes(params.get("status") ?? raw),
  );
  check("country", (raw) => /^[A-Za-z]{3}$/.test(raw));
  check("limit", wholeIn(1, 200));
  check("offset", wholeIn(0, Number.MAX_SAFE_INTEGER));
  return invalid;
}

describe("GET /api/users, fuzzed", () => {
  it("answers only 200 (one request to Didit) or a well-formed 400 (none)", async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        sharedRateBudget(RATE_LIMIT).clear();
        upstream.requests.length = 0;
        const request = new NextRequest(`http://127.0.0.1:3000/api/users${query}`);
        const params = request.nextUrl.searchParams;
        const response = await GET(request);
        const body = await response.json();

        expect([200, 400]).toContain(response.status);
        const simple = expectedInvalid(params);
        if (response.status === 400) {
          expect(Object.keys(body)).toEqual(["error"]);
          expect(Object.keys(body.error).sort()).toEqual(["code", "fields", "message"]);
          expect(body.error.code).toBe("invalid_query");
          expect(body.error.message).toEqual(expect.any(String));
          const named = Object.keys(body.error.fields);
          expect(named.length).toBeGreaterThan(0);
          for (const name of named) {
            expect(PARAMS).toContain(name);
            expect(body.error.fields[name]).toEqual(expect.any(String));
          }
          for (const name of ["status", "country", "limit", "offset"]) {
            expect(named.includes(name)).toBe(simple.has(name));
          }
          expect(upstream.requests).toHaveLength(0);
        } else {
          expect(simple.size).toBe(0);
          expect(body.results).toHaveLength(docSample.results.length);
          expect(upstream.requests).toHaveLength(1);
          const sent = upstream.requests[0]?.url;
          expect(sent?.pathname).toBe("/v3/users/");
          for (const name of sent?.searchParams.keys() ?? []) expect(PARAMS).toContain(name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
