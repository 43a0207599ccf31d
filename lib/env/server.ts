import "server-only";
import { parseConfig } from "./schema";

/** The validated configuration of this server process (see lib/env/schema.ts). */
export const config = parseConfig(process.env);

/** No key configured: the app serves its built-in sandbox instead of Didit. */
export const isSandboxMode = config.sandbox;
