import { serveSandboxRoute } from "@/lib/sandbox/route-adapter";

// The sandbox answers per request (auth, filters, the DIDIT_API_KEY switch): never prerender.
export const dynamic = "force-dynamic";

// The handler reads vendor_data from the URL itself, so the route params go unused.
// Every method goes to the handler so that non-GET requests get Didit's 405 body, not Next's.
export const GET = serveSandboxRoute;
export const POST = serveSandboxRoute;
export const PUT = serveSandboxRoute;
export const PATCH = serveSandboxRoute;
export const DELETE = serveSandboxRoute;
