// Transitional: the API's shared types live in lib/api/types.ts.
export type { ApiErrorBody, ApiErrorCode, UsersPage } from "@/lib/api/types";
