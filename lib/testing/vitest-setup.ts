import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Each test file's process gets an embedded store of its own, unless the test names one: one
// data directory serves one process only, and nothing is written into the checkout.
process.env.INBOX_DATA_DIR ||= mkdtempSync(join(tmpdir(), "inbox-test-data-"));
