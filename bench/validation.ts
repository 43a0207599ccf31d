import { upstreamListSchema } from "../lib/didit/schema";
import { generateUsers } from "../lib/sandbox/dataset";
import { handleSandboxRequest } from "../lib/sandbox/handler";
import { buildSandboxIndex } from "../lib/sandbox/query";
import { BENCH_API_KEY } from "./config";
import { ratio, round, summarize, timeLoop } from "./stats";

/**
 * Section 2, validation cost: what the app's zod schema costs on one upstream page of 200
 * records, against the plain JSON.parse every client pays anyway. Pages are real sandbox answers
 * (several offsets, so no single page's shapes get special treatment by the JIT).
 */

export interface ValidationResult {
  recordsPerPage: number;
  pages: number;
  pageBytes: number;
  iterations: number;
  jsonParseMs: { p50: number; p99: number; mean: number };
  validateMs: { p50: number; p99: number; mean: number };
  parseAndValidateMs: { p50: number; p99: number };
  validatePerRecordUs: number;
  ratioValidateToParse: number | null;
}

const RECORDS = 200;
const PAGES = 8;

async function pageTexts(): Promise<string[]> {
  const index = buildSandboxIndex(generateUsers(5000));
  const texts: string[] = [];
  for (let page = 0; page < PAGES; page++) {
    const url = `http://upstream/v3/users/?limit=${RECORDS}&offset=${page * RECORDS}`;
    const request = new Request(url, { headers: { "x-api-key": BENCH_API_KEY } });
    const response = handleSandboxRequest(request, { apiKey: BENCH_API_KEY, users: index });
    if (response.status !== 200) throw new Error(`sandbox answered ${response.status}`);
    texts.push(await response.text());
  }
  return texts;
}

export async function measureValidation(options: {
  iterations: number;
  maxMs: number;
}): Promise<ValidationResult> {
  const texts = await pageTexts();
  const parsed = texts.map((text) => JSON.parse(text) as unknown);
  for (const page of parsed) {
    const check = upstreamListSchema.safeParse(page);
    if (!check.success) throw new Error(`a sandbox page failed validation: ${check.error.message}`);
    if (check.data.results.length !== RECORDS) throw new Error("short sandbox page");
  }
  let i = 0;
  const loop = { warmup: 100, iterations: options.iterations, maxMs: options.maxMs };
  const parse = timeLoop(() => JSON.parse(texts[i++ % PAGES] as string), loop);
  const validate = timeLoop(() => upstreamListSchema.parse(parsed[i++ % PAGES]), loop);
  const both = timeLoop(
    () => upstreamListSchema.parse(JSON.parse(texts[i++ % PAGES] as string)),
    loop,
  );
  const p = summarize(parse);
  const v = summarize(validate);
  const b = summarize(both);
  return {
    recordsPerPage: RECORDS,
    pages: PAGES,
    pageBytes: Math.round(texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / PAGES),
    iterations: v.n,
    jsonParseMs: { p50: round(p.p50), p99: round(p.p99), mean: round(p.mean) },
    validateMs: { p50: round(v.p50), p99: round(v.p99), mean: round(v.mean) },
    parseAndValidateMs: { p50: round(b.p50), p99: round(b.p99) },
    validatePerRecordUs: round((v.p50 / RECORDS) * 1000, 2),
    ratioValidateToParse: round(ratio(v.p50, p.p50) ?? Number.NaN, 2),
  };
}
