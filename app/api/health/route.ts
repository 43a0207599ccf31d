export const dynamic = "force-dynamic";

/** Liveness for load balancers and test runners: answers without calling Didit. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
