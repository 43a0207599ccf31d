import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./e2e/chromium";
import {
  E2E_DIDIT_KEY,
  E2E_PASSCODE,
  E2E_PREVIOUS_SESSION_SECRET,
  E2E_SESSION_SECRET,
  FAKE_DIDIT_PORT,
  LIVE_PORT,
  OIDC_APP_PORT,
  OIDC_APP_URL,
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_PROVIDER_URL,
  PASSCODE_PORT,
  POSTGRES_APP_PORT,
  POSTGRES_PORT,
  SANDBOX_PORT,
  SERVER_LOG_DIR,
  TEAM_A_PORT,
  TEAM_B_PORT,
  TEAM_DATABASE,
  THROTTLED_PORT,
} from "./e2e/servers";
import { findPostgresBin } from "./lib/testing/postgres-cluster";

/**
 * End-to-end tests drive a real Chromium against the production build (`npm run test:e2e`
 * builds first). Several servers run from that one build:
 * - the sandbox app, as `npm start` runs it on a fresh machine;
 * - "live" apps with an API key, pointed at a Didit-compatible fake started by global-setup
 *   (which can also fail on demand): without sign-in on loopback, behind a passcode, and behind
 *   OpenID Connect against a real provider that global-setup starts too.
 * Debian's Chromium is used where installed (Playwright cannot download browsers everywhere).
 */

/**
 * The PostgreSQL journey needs the server's binaries; CI installs them (.ci/run), and elsewhere
 * without them that spec is skipped, saying why.
 */
const POSTGRES = "dir" in findPostgresBin();

/** One team's inbox on two instances: one database, one session secret, four-eyes blocking on. */
const TEAM_DATABASE_URL = `postgres://postgres@127.0.0.1:${POSTGRES_PORT}/${TEAM_DATABASE}`;
const TEAM_ENV = {
  DIDIT_API_KEY: E2E_DIDIT_KEY,
  DIDIT_API_BASE_URL: `http://127.0.0.1:${FAKE_DIDIT_PORT}`,
  INBOX_AUTH: "passcode",
  INBOX_PASSCODE: E2E_PASSCODE,
  INBOX_SESSION_SECRET: E2E_SESSION_SECRET,
  INBOX_FOUR_EYES: "block",
  DATABASE_URL: TEAM_DATABASE_URL,
};
/** The cluster creates the team's database once it is up; the instances wait for it. */
const WAIT_FOR_TEAM_DATABASE = `node e2e/wait-for-database.mjs ${TEAM_DATABASE_URL} && `;

/** A live app talks to the fake Didit that global-setup starts. */
const LIVE_ENV = {
  DIDIT_API_KEY: E2E_DIDIT_KEY,
  DIDIT_API_BASE_URL: `http://127.0.0.1:${FAKE_DIDIT_PORT}`,
};

/**
 * One app server from the production build. Its output goes to a file that global-teardown
 * scans for secrets and personal data.
 */
function appServer(name: string, port: number, env: Record<string, string>, before = "") {
  return {
    // Each server has an embedded store of its own, started empty: one data directory serves one
    // process only.
    command: `mkdir -p ${SERVER_LOG_DIR} && rm -rf ${SERVER_LOG_DIR}/data-${name} && ${before}node scripts/start.mjs > ${SERVER_LOG_DIR}/${name}.log 2>&1`,
    url: `http://127.0.0.1:${port}/api/health`,
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      LOG_LEVEL: "info",
      INBOX_DATA_DIR: `${SERVER_LOG_DIR}/data-${name}`,
      ...env,
    },
    reuseExistingServer: false,
    // Eight servers start together from a cold build on two cores: each takes a few seconds alone,
    // far longer when they share the machine with whatever else runs there.
    timeout: 180_000,
  };
}

/**
 * Sized for the machine CI runs on: two cores, shared. A worker is a Chromium of its own (several
 * processes), and the eight app servers plus the fake Didit run beside it. With two workers on two
 * cores the load average reached ~12: pages took seconds to hydrate and the 5 s default expect
 * timeout failed tests that were merely slow. One worker keeps the browser and the server it talks
 * to on the cores; the suite is ~70 tests of a few seconds each, under 10 minutes on such a machine, well inside
 * CI's 30 minutes. `E2E_WORKERS` overrides it on a bigger machine.
 *
 * Timeouts are ceilings for a slow machine, not measurements: a healthy run waits milliseconds
 * on each expect. An expect may wait 15 s (a first load under load takes several; waiting for a
 * 200-row page to finish painting gets 30 s, see e2e/helpers.ts), a test 90 s (a journey is a
 * dozen such steps). Nothing asserts how long anything took.
 */
const WORKERS = Number(process.env.E2E_WORKERS) || 1;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: WORKERS,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: `http://127.0.0.1:${SANDBOX_PORT}`,
    // The trace of a failed test is what explains a CI flake, so one is always recorded, but
    // without DOM snapshots: snapshotting a 200-row table at every step cost ~10 s in one test
    // on this machine. The action log, network, console and screencast remain.
    trace: { mode: "retain-on-failure", snapshots: false, screenshots: true, sources: true },
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          ...(CHROMIUM_PATH && { executablePath: CHROMIUM_PATH }),
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  webServer: [
    appServer("sandbox", SANDBOX_PORT, { DIDIT_API_KEY: "" }),
    appServer("live", LIVE_PORT, { ...LIVE_ENV, DIDIT_TIMEOUT_MS: "2000", INBOX_AUTH: "none" }),
    // Its own instance: after Didit's 429 the app holds back every call until Retry-After passes.
    appServer("throttled", THROTTLED_PORT, { ...LIVE_ENV, INBOX_AUTH: "none" }),
    appServer("passcode", PASSCODE_PORT, {
      ...LIVE_ENV,
      INBOX_AUTH: "passcode",
      // As if behind one reverse proxy: the lockout test names its own client in X-Forwarded-For,
      // so its lockout never falls on the other tests' address.
      INBOX_TRUSTED_PROXIES: "1",
      INBOX_PASSCODE: E2E_PASSCODE,
      INBOX_SESSION_SECRET: E2E_SESSION_SECRET,
      // As in the middle of a rotation: cookies sealed with the old secret still work.
      INBOX_SESSION_SECRET_PREVIOUS: E2E_PREVIOUS_SESSION_SECRET,
    }),
    appServer("oidc", OIDC_APP_PORT, {
      ...LIVE_ENV,
      INBOX_AUTH: "oidc",
      // The provider is started by global-setup; the app discovers it on the first sign-in.
      OIDC_ISSUER: OIDC_PROVIDER_URL,
      OIDC_CLIENT_ID,
      OIDC_CLIENT_SECRET,
      INBOX_PUBLIC_URL: OIDC_APP_URL,
      INBOX_SESSION_SECRET: E2E_SESSION_SECRET,
      INBOX_ALLOWED_DOMAINS: "example.com",
      INBOX_ROLES_CLAIM: "groups",
      INBOX_REVIEWER_GROUPS: "kyc-reviewers",
      INBOX_ADMIN_GROUPS: "kyc-admins",
    }),
    ...(POSTGRES
      ? [
          {
            command: `node --import tsx e2e/postgres-server.ts ${POSTGRES_PORT} ${TEAM_DATABASE}`,
            port: POSTGRES_PORT,
            // SIGTERM, so the cluster (a daemon of its own) is stopped and removed, not orphaned.
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
            reuseExistingServer: false,
            timeout: 120_000,
          },
          // Waits for the cluster: the app migrates its store before it listens.
          appServer(
            "postgres",
            POSTGRES_APP_PORT,
            {
              ...LIVE_ENV,
              INBOX_AUTH: "none",
              DATABASE_URL: `postgres://postgres@127.0.0.1:${POSTGRES_PORT}/postgres`,
            },
            `node e2e/wait-for-port.mjs ${POSTGRES_PORT} && `,
          ),
          appServer("team-a", TEAM_A_PORT, TEAM_ENV, WAIT_FOR_TEAM_DATABASE),
          appServer("team-b", TEAM_B_PORT, TEAM_ENV, WAIT_FOR_TEAM_DATABASE),
        ]
      : []),
  ],
});
