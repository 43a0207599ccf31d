import { serveSandboxBodyRoute } from "@/lib/sandbox/route-adapter";

// The sandbox answers per request (auth, body, the DIDIT_API_KEY switch): never prerender.
export const dynamic = "force-dynamic";

// The handler reads vendor_data from the URL itself, so the route params go unused.
// Every method goes to the handler so that methods other than PATCH get Didit's 405 body, not Next's.
export const GET = serveSandboxBodyRoute;
export const POST = serveSandboxBodyRoute;
export const PUT = serveSandboxBodyRoute;
export const PATCH = serveSandboxBodyRoute;
export const DELETE = serveSandboxBodyRoute;
