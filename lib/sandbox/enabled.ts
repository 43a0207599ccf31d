/**
 * The sandbox stands in for Didit only while no real key is configured, so a deployment that
 * talks to Didit never also exposes fake users. Read directly from `process.env` because the
 * app's validated env module must not become a dependency of this self-contained upstream.
 */
export function isSandboxEnabled(): boolean {
  const key = process.env.DIDIT_API_KEY;
  return key === undefined || key === "";
}
