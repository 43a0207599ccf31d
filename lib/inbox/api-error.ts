// Transitional: the API's browser client lives in lib/api/client.ts.
export { ApiError } from "@/lib/api/client";
