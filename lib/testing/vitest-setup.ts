import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach } from "vitest";
import { resetProcessSingleton } from "@/lib/runtime/process-singleton";

// Each test file's process gets an embedded store of its own, unless the test names one: one
// data directory serves one process only, and nothing is written into the checkout.
process.env.INBOX_DATA_DIR ||= mkdtempSync(join(tmpdir(), "inbox-test-data-"));

// Each test starts with nothing kept from Didit (lib/didit/cache.ts): one test's answers must not
// stand in for another's fake upstream. The cache is a process-wide object; dropping it is enough.
beforeEach(() => {
  resetProcessSingleton("upstream-cache");
});
