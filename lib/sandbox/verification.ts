import { chance, pick, pickWeighted, type Random, randomInt } from "./prng";
import type { SandboxStatus } from "./sandbox-user";
import {
  APPROVED,
  DECLINED,
  EXTRA_FEATURES,
  FEATURE_STATUSES,
  type FeatureKey,
  FIRST_UNFINISHED,
  IN_REVIEW,
  WORKFLOWS,
} from "./seed-data";

/** What a user's sessions produced: the verdict per feature and the session tallies. */
export interface VerificationHistory {
  /** Feature keys in workflow order; the same array is shared by every user of the workflow. */
  keys: readonly FeatureKey[];
  /** Position in FEATURE_STATUSES of each key's status. */
  statusCodes: number[];
  sessionCount: number;
  approvedCount: number;
  declinedCount: number;
  inReviewCount: number;
}

interface Workflow {
  keys: readonly FeatureKey[];
  withExtra: ReadonlyMap<FeatureKey, readonly FeatureKey[]>;
}

// Built once so that users share key arrays, which lets feature-set.ts cache by identity.
const WORKFLOW_VARIANTS: readonly (readonly [Workflow, number])[] = WORKFLOWS.map(
  ([keys, weight]) => {
    const extras = EXTRA_FEATURES.filter((extra) => !keys.includes(extra));
    const withExtra = new Map(extras.map((extra) => [extra, [...keys, extra]] as const));
    return [{ keys, withExtra }, weight] as const;
  },
);

const NO_FEATURES: readonly FeatureKey[] = [];

function pickFeatureKeys(random: Random): readonly FeatureKey[] {
  const workflow = pickWeighted(random, WORKFLOW_VARIANTS);
  if (!chance(random, 0.15)) return workflow.keys;
  return workflow.withExtra.get(pick(random, EXTRA_FEATURES)) ?? workflow.keys;
}

function unfinished(random: Random): number {
  return randomInt(random, FIRST_UNFINISHED, FEATURE_STATUSES.length - 1);
}

// ACTIVE users mostly passed everything; the rest stopped half-way or await a decision.
function activeStatuses(random: Random, count: number): number[] {
  const codes = new Array<number>(count).fill(APPROVED);
  if (chance(random, 0.7)) return codes;
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.62) codes[i] = roll < 0.55 ? APPROVED : IN_REVIEW;
    else codes[i] = roll < 0.65 ? DECLINED : unfinished(random);
  }
  return codes;
}

// A FLAGGED or BLOCKED user has at least one check that explains why an analyst stepped in.
function troubledStatuses(random: Random, count: number, status: SandboxStatus): number[] {
  const blocked = status === "BLOCKED";
  const codes = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < (blocked ? 0.5 : 0.7)) codes[i] = APPROVED;
    else if (roll < (blocked ? 0.75 : 0.8)) codes[i] = blocked ? DECLINED : IN_REVIEW;
    else codes[i] = unfinished(random);
  }
  const culprit = randomInt(random, 0, count - 1);
  codes[culprit] = blocked || chance(random, 0.4) ? DECLINED : IN_REVIEW;
  return codes;
}

export function generateVerification(
  random: Random,
  status: SandboxStatus,
  hasSessions: boolean,
): VerificationHistory {
  if (!hasSessions) {
    const none = { sessionCount: 0, approvedCount: 0, declinedCount: 0, inReviewCount: 0 };
    return { keys: NO_FEATURES, statusCodes: [], ...none };
  }
  const keys = pickFeatureKeys(random);
  const codes =
    status === "ACTIVE"
      ? activeStatuses(random, keys.length)
      : troubledStatuses(random, keys.length, status);

  const allApproved = codes.every((code) => code === APPROVED);
  const inReviewCount = codes.includes(IN_REVIEW) ? 1 : 0;
  const declinedCount = codes.includes(DECLINED)
    ? randomInt(random, 1, 2)
    : Number(chance(random, 0.05));
  const approvedCount = allApproved
    ? pickWeighted(random, [
        [1, 70],
        [2, 20],
        [3, 10],
      ])
    : Number(chance(random, 0.3));
  const abandoned = allApproved ? Number(chance(random, 0.2)) : randomInt(random, 0, 2);
  const sessionCount = Math.max(1, approvedCount + declinedCount + inReviewCount + abandoned);
  return { keys, statusCodes: codes, sessionCount, approvedCount, declinedCount, inReviewCount };
}
