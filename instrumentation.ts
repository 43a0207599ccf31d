/**
 * Next.js runs `register` once when a server process starts, before it handles requests.
 * The inbox opens and migrates its store here (never during `next build`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startInbox } = await import("./lib/server/start");
  try {
    await startInbox();
  } catch (error) {
    // A locked data directory, a schema newer than this build, an unreachable PostgreSQL: the
    // message says which, and the server does not start half-working.
    console.error(`The inbox cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}
