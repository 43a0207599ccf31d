import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_DIDIT_KEY, FAKE_DIDIT_PORT, LIVE_PORT, SANDBOX_PORT } from "./e2e/servers";

/**
 * End-to-end tests drive a real Chromium against the production build (`npm run test:e2e`
 * builds first). Two servers run from that one build:
 * - the sandbox app, as `npm start` runs it on a fresh machine;
 * - a "live" app with an API key, pointed at a Didit-compatible fake started by global-setup,
 *   which can also fail on demand.
 * Debian's Chromium is used where installed (Playwright cannot download browsers everywhere).
 */
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${SANDBOX_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(existsSync(systemChromium) && { executablePath: systemChromium }),
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: "node scripts/start.mjs",
      url: `http://127.0.0.1:${SANDBOX_PORT}/sandbox/v3/users/?limit=1`,
      env: { PORT: String(SANDBOX_PORT), HOSTNAME: "127.0.0.1", DIDIT_API_KEY: "" },
      reuseExistingServer: false,
      timeout: 120_000,
      ignoreHTTPSErrors: false,
    },
    {
      command: "node scripts/start.mjs",
      url: `http://127.0.0.1:${LIVE_PORT}/api/health`,
      env: {
        PORT: String(LIVE_PORT),
        HOSTNAME: "127.0.0.1",
        DIDIT_API_KEY: E2E_DIDIT_KEY,
        DIDIT_API_BASE_URL: `http://127.0.0.1:${FAKE_DIDIT_PORT}`,
        DIDIT_TIMEOUT_MS: "2000",
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
