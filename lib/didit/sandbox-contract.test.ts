import { describe, expect, it } from "vitest";
import { SANDBOX_API_KEY } from "@/lib/sandbox/constants";
import { handleSandboxRequest } from "@/lib/sandbox/handler";
import { upstreamListSchema } from "./schema";

/** The sandbox and the proxy's schema must agree: every sandbox page is readable as Didit's. */
describe("sandbox ⇄ upstream schema", () => {
  it("every sandbox user parses with the proxy's schema, drifted shapes included", async () => {
    const shapes = new Set<string>();
    for (let offset = 0; offset < 5000; offset += 200) {
      const response = handleSandboxRequest(
        new Request(`http://127.0.0.1/sandbox/v3/users/?limit=200&offset=${offset}`, {
          headers: { "x-api-key": SANDBOX_API_KEY },
        }),
        { apiKey: SANDBOX_API_KEY },
      );
      const body = await response.json();
      for (const raw of body.results) {
        shapes.add(Array.isArray(raw.issuing_states) ? "list" : "map");
      }
      const page = upstreamListSchema.parse(body);
      expect(page.results.length).toBe(200);
    }
    expect(shapes).toEqual(new Set(["list", "map"]));
  });
});
