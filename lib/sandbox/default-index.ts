import { processSingleton } from "../runtime/process-singleton";
import { SANDBOX_USER_COUNT } from "./constants";
import { generateUsers } from "./dataset";
import { buildSandboxIndex, type SandboxIndex } from "./query";
import { sandboxReferenceDay } from "./reference-time";

export interface DefaultIndexOptions {
  /** The clock "today" is read from. */
  now?: () => Date;
  /** The `SANDBOX_REFERENCE_TIME` setting; when given, it replaces the clock. */
  referenceTimeSetting?: string;
}

/**
 * The built-in dataset as of the current day (or the pinned reference), so the demo never looks
 * stale: "New this week" has this week's sign-ups and last activity reads hours to months ago.
 */
export function buildDefaultSandboxIndex(options: DefaultIndexOptions = {}): SandboxIndex {
  const { now = () => new Date(), referenceTimeSetting } = options;
  const referenceTime = sandboxReferenceDay(now(), referenceTimeSetting);
  return buildSandboxIndex(generateUsers(SANDBOX_USER_COUNT, { referenceTime }), {
    referenceTime,
  });
}

/**
 * The process's dataset, built on first use rather than at import so that importing the sandbox
 * (e.g. by a route that then answers 404 because a real Didit key is set) costs nothing. It keeps
 * the day it was built on for the life of the process: records that moved under an analyst while
 * they page would be worse than dates that age by a day.
 * `SANDBOX_REFERENCE_TIME` is read from `process.env` here and nowhere else.
 */
export function getDefaultSandboxIndex(): SandboxIndex {
  return processSingleton("sandbox-dataset", () =>
    buildDefaultSandboxIndex({ referenceTimeSetting: process.env.SANDBOX_REFERENCE_TIME }),
  );
}
