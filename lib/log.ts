import "server-only";
import pino from "pino";
import { config } from "@/lib/env/server";

/**
 * Structured JSON logs for operators. Callers pass only operational fields (route, status,
 * durations, ids): never the API key, cookies, query strings, search terms or personal data.
 * The redaction list is a safety net for mistakes, not a licence to log such fields.
 */
export const log = pino({
  level: config.logLevel,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "apiKey",
      "headers",
      "cookie",
      "query",
      "search",
      "email",
      "name",
      "*.apiKey",
      "*.search",
    ],
    censor: "[redacted]",
  },
});
