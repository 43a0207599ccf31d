import type { SandboxTag } from "./sandbox-user";

/** Feature keys Didit has been seen to return (docs/didit-api.md); `OCR` and `ID_VERIFICATION` are aliases. */
export const FEATURE_KEYS = [
  "OCR",
  "ID_VERIFICATION",
  "LIVENESS",
  "FACE_MATCH",
  "AML",
  "NFC",
  "PHONE",
  "EMAIL",
  "POA",
  "IP_ANALYSIS",
  "DATABASE_VALIDATION",
  "QUESTIONNAIRE",
  "AGE_ESTIMATION",
] as const;

export type FeatureKey = (typeof FEATURE_KEYS)[number];

/** Feature keys that extract the holder's name and birth date from a document. */
export const DOCUMENT_FEATURES: ReadonlySet<string> = new Set(["OCR", "ID_VERIFICATION"]);

/** Feature keys that capture a face, and so produce a portrait. */
export const FACE_FEATURES: ReadonlySet<string> = new Set(["LIVENESS", "FACE_MATCH"]);

/**
 * Verification workflows an application might run; a user's features come from one of them,
 * sometimes plus extra checks. Weighted so the doc sample's shape is the most common.
 */
export const WORKFLOWS: readonly (readonly [readonly FeatureKey[], number])[] = [
  [["OCR", "LIVENESS", "FACE_MATCH", "AML"], 30],
  [["ID_VERIFICATION", "LIVENESS", "FACE_MATCH"], 20],
  [["ID_VERIFICATION", "NFC", "LIVENESS", "FACE_MATCH", "AML"], 12],
  [["ID_VERIFICATION", "LIVENESS", "FACE_MATCH", "AML", "POA"], 10],
  [["ID_VERIFICATION", "LIVENESS", "FACE_MATCH", "PHONE", "EMAIL", "IP_ANALYSIS"], 10],
  [["ID_VERIFICATION", "DATABASE_VALIDATION", "AML", "QUESTIONNAIRE"], 8],
  // No document at all: these users never get a full_name from Didit.
  [["LIVENESS", "AGE_ESTIMATION"], 6],
  [["PHONE", "EMAIL", "IP_ANALYSIS"], 4],
];

export const EXTRA_FEATURES: readonly FeatureKey[] = ["IP_ANALYSIS", "PHONE", "EMAIL", "AML"];

/**
 * Feature statuses Didit has been seen to return (docs/didit-api.md). Records carry them as text; the
 * generator refers to them by position, so the three verdicts come first.
 */
export const FEATURE_STATUSES = [
  "Approved",
  "In Review",
  "Declined",
  "Not Started",
  "Not Finished",
  "In Progress",
  "Resubmitted",
  "Expired",
  "Abandoned",
  "Kyc Expired",
  "Awaiting User",
  "No Action",
] as const;

export const APPROVED = 0;
export const IN_REVIEW = 1;
export const DECLINED = 2;
/** Codes from here on mean the check is still open or never ran, as opposed to a verdict. */
export const FIRST_UNFINISHED = 3;

/** Statuses after which the document or face data exists even though no approval followed. */
export const DATA_CAPTURED_STATUSES: ReadonlySet<string> = new Set([
  "Approved",
  "Declined",
  "In Review",
  "Resubmitted",
  "Expired",
  "Kyc Expired",
  "No Action",
]);

// Every tagged user shares these objects, so they are frozen: an edit through one user would
// otherwise change them all.
function tag(uuid: string, name: string, color: string): SandboxTag {
  return Object.freeze({ uuid, name, color });
}

/**
 * Light and dark colours so contrast handling is exercised, short and alpha hex forms because
 * they are valid CSS too, and one colour that is not a colour at all.
 */
export const TAGS: readonly SandboxTag[] = [
  tag("0b7c6a1e-2f4d-4e8a-9c3b-5d1f7e2a4b60", "VIP", "#2567FF"),
  tag("1c8d7b2f-3a5e-4f9b-8d4c-6e2a8f3b5c71", "High risk", "#DC2626"),
  tag("2d9e8c3a-4b6f-4a0c-9e5d-7f3b9a4c6d82", "Manual review", "#FFE066"),
  tag("3e0f9d4b-5c7a-4b1d-8f6e-8a4c0b5d7e93", "Watchlist", "#111827"),
  tag("4f1a0e5c-6d8b-4c2e-9a7f-9b5d1c6e8fa4", "Enterprise", "#F5F5F5"),
  tag("5a2b1f6d-7e9c-4d3f-8b8a-0c6e2d7f9ab5", "Returning customer", "#16A34A"),
  tag("6b3c2a7e-8f0d-4e4a-9c9b-1d7f3e8a0bc6", "Chargeback", "#F97316"),
  tag("7c4d3b8f-9a1e-4f5b-8dac-2e8a4f9b1cd7", "Beta tester", "#a855f7"),
  tag("8d5e4c9a-0b2f-4a6c-9ebd-3f9b5a0c2de8", "Partner", "#0FF"),
  tag("9e6f5dab-1c3a-4b7d-8fce-4a0c6b1d3ef9", "Sanctions review", "#7F1D1D80"),
  tag("af706ebc-2d4b-4c8e-9adf-5b1d7c2e4f0a", "Legacy import", "blue-ish"),
];

/** Tags analysts put on users they are worried about. */
export const RISK_TAG_NAMES: ReadonlySet<string> = new Set([
  "High risk",
  "Manual review",
  "Watchlist",
  "Chargeback",
  "Sanctions review",
]);

/** RFC 2606 domains, so no generated address can ever reach a real mailbox. */
export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net"] as const;

export const METADATA_PLANS = ["free", "starter", "pro", "enterprise"] as const;

export const METADATA_SIGNUP_SOURCES = ["ios", "android", "web", "partner_api"] as const;

export const COMMENT_AUTHORS = [
  "analyst.kim@example.com",
  "compliance.ops@example.com",
  "r.alvarez@example.org",
  "system",
] as const;

export const COMMENT_TEXTS = [
  "Document photo blurry, asked the user to resubmit.",
  "Name on ID matches bank statement.",
  "Possible AML hit, false positive after review (different date of birth).",
  "User contacted support about a declined liveness check.",
  "Escalated to second-line review.",
  "Address proof older than 3 months.",
  "Status changed after chargeback dispute.",
  "Duplicate account suspected; same face as another user.",
] as const;
