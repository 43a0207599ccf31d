import { SANDBOX_USER_COUNT } from "./constants";
import { generateUsers } from "./dataset";
import { buildSandboxIndex, type SandboxIndex } from "./query";

let defaultIndex: SandboxIndex | undefined;

/**
 * The built-in dataset, built on first use rather than at import so that importing the sandbox
 * (e.g. by a route that then answers 404 because a real Didit key is set) costs nothing.
 */
export function getDefaultSandboxIndex(): SandboxIndex {
  defaultIndex ??= buildSandboxIndex(generateUsers(SANDBOX_USER_COUNT));
  return defaultIndex;
}
