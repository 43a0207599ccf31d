import { startFakeDidit } from "./fake-didit";
import { FAKE_DIDIT_PORT } from "./servers";

/** Starts the fake Didit the live app talks to; Playwright calls the returned teardown. */
export default async function globalSetup() {
  return startFakeDidit(FAKE_DIDIT_PORT);
}
