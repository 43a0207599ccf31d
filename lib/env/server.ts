import "server-only";
import { parseEnv } from "./schema";

export const env = parseEnv(process.env);

/** No key configured: the app serves its built-in sandbox instead of Didit. */
export const isSandboxMode = env.DIDIT_API_KEY === undefined;
