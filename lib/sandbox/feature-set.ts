import type { SandboxFeatureEntry } from "./sandbox-user";
import {
  APPROVED,
  DATA_CAPTURED_STATUSES,
  DOCUMENT_FEATURES,
  FACE_FEATURES,
  FEATURE_STATUSES,
} from "./seed-data";

/** A user's `features` and `features_list`, plus what they imply for the rest of the record. */
export interface FeatureSet {
  features: Record<string, string>;
  features_list: SandboxFeatureEntry[];
  /** A document was read, so Didit knows the holder's name. */
  documentCaptured: boolean;
  documentApproved: boolean;
  /** A face was captured, so there is a portrait. */
  faceCaptured: boolean;
  emailApproved: boolean;
  phoneApproved: boolean;
}

// A few thousand distinct feature sets cover 100,000 users, so they are built once and shared:
// this took a large share off generation time and memory. Keyed by the identity of the (shared)
// key array, then by the status codes packed four bits each. The sets are frozen so that editing
// one user's features fails loudly instead of silently editing every user sharing them.
const cache = new Map<readonly string[], Map<number, FeatureSet>>();

export function featureSet(keys: readonly string[], statusCodes: readonly number[]): FeatureSet {
  let byCodes = cache.get(keys);
  if (byCodes === undefined) {
    byCodes = new Map();
    cache.set(keys, byCodes);
  }
  let packed = 0;
  for (let i = 0; i < statusCodes.length; i++) packed += (statusCodes[i] ?? 0) * 16 ** i;
  let set = byCodes.get(packed);
  if (set === undefined) {
    set = buildSet(keys, statusCodes);
    byCodes.set(packed, set);
  }
  return set;
}

function buildSet(keys: readonly string[], statusCodes: readonly number[]): FeatureSet {
  const features: Record<string, string> = {};
  const list: SandboxFeatureEntry[] = [];
  const set = {
    features,
    features_list: list,
    documentCaptured: false,
    documentApproved: false,
    faceCaptured: false,
    emailApproved: false,
    phoneApproved: false,
  };
  keys.forEach((feature, i) => {
    const code = statusCodes[i] ?? APPROVED;
    const status = FEATURE_STATUSES[code] ?? "Approved";
    features[feature] = status;
    list.push(Object.freeze({ feature, status }));
    const captured = DATA_CAPTURED_STATUSES.has(status);
    const approved = code === APPROVED;
    if (DOCUMENT_FEATURES.has(feature)) {
      set.documentCaptured ||= captured;
      set.documentApproved ||= approved;
    }
    if (FACE_FEATURES.has(feature)) set.faceCaptured ||= captured;
    if (feature === "EMAIL") set.emailApproved ||= approved;
    if (feature === "PHONE") set.phoneApproved ||= approved;
  });
  Object.freeze(features);
  Object.freeze(list);
  return set;
}
