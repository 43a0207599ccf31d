import { describe, expect, it } from "vitest";
import { isUserEvent, parsePayload } from "./payload";

describe("parsePayload", () => {
  const change = {
    event: "user.status.updated",
    vendorData: "user-1",
    internalId: null,
    status: "BLOCKED",
    previousStatus: "FLAGGED",
    changedFields: [],
  };

  it("reads the flat shape, event in webhook_type", () => {
    expect(
      parsePayload({
        webhook_type: "user.status.updated",
        vendor_data: "user-1",
        status: "BLOCKED",
        previous_status: "FLAGGED",
        timestamp: 1764763200,
        something_new: { ignored: true },
      }),
    ).toEqual({ ok: true, change });
  });

  it("reads the envelope shape, fields under data", () => {
    expect(
      parsePayload({
        event: "user.status.updated",
        data: { vendor_data: "user-1", status: "BLOCKED", previous_status: "FLAGGED" },
      }),
    ).toEqual({ ok: true, change });
  });

  it("reads changed fields and the user's id where a payload carries them", () => {
    expect(
      parsePayload({
        event: "user.data.updated",
        data: { vendor_data: null, user_id: "3f1c", changed_fields: ["full_name", "metadata"] },
      }),
    ).toEqual({
      ok: true,
      change: {
        event: "user.data.updated",
        vendorData: null,
        internalId: "3f1c",
        status: null,
        previousStatus: null,
        changedFields: ["full_name", "metadata"],
      },
    });
  });

  it("refuses what is neither shape", () => {
    for (const raw of [null, [], "user.status.updated", {}, { event: "x" }, { data: {} }]) {
      expect(parsePayload(raw).ok).toBe(false);
    }
    expect(parsePayload({ webhook_type: "user.status.updated", status: 5 }).ok).toBe(false);
  });

  it("tells user events from the session events the inbox ignores", () => {
    expect(isUserEvent("user.status.updated")).toBe(true);
    expect(isUserEvent("user.data.updated")).toBe(true);
    expect(isUserEvent("status.updated")).toBe(false);
    expect(isUserEvent("data.updated")).toBe(false);
  });
});
