import { describe, expect, it } from "vitest";
import { featureStatusTone, humanizeKey, userStatusTone } from "./tones";

describe("tones", () => {
  it("colours known feature statuses whatever their case or separator", () => {
    expect(featureStatusTone("Approved")).toBe("positive");
    expect(featureStatusTone("IN_REVIEW")).toBe("pending");
    expect(featureStatusTone("Kyc Expired")).toBe("warning");
    expect(featureStatusTone("Declined")).toBe("negative");
  });

  it("shows unknown statuses in neutral", () => {
    expect(featureStatusTone("Escalated to legal")).toBe("neutral");
    expect(userStatusTone("SUSPENDED")).toBe("neutral");
    expect(userStatusTone("flagged")).toBe("pending");
  });

  it("humanizes feature keys, keeping acronyms", () => {
    expect(humanizeKey("FACE_MATCH")).toBe("Face match");
    expect(humanizeKey("OCR")).toBe("OCR");
    expect(humanizeKey("IP_ANALYSIS")).toBe("IP analysis");
    expect(humanizeKey("new_feature")).toBe("New feature");
    expect(humanizeKey("ID_VERIFICATION")).toBe("ID verification");
  });
});
