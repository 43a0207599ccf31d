import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temporary directory, started on a free
 * loopback port with trust authentication, removed when stopped. Nothing outside the test run
 * is assumed: where PostgreSQL's server binaries are missing, `findPostgresBin` says so and the
 * callers skip with that reason.
 */

export interface PostgresCluster {
  /** A superuser connection URL to the `postgres` database. */
  url: string;
  port: number;
  stop(): void;
}

const SEARCH_DIRS = () => {
  const dirs = (process.env.PATH ?? "").split(":").filter(Boolean);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const version of readdirSync(debian).sort().reverse())
      dirs.push(join(debian, version, "bin"));
  }
  return dirs;
};

/** The folder holding `initdb` and `pg_ctl`, or the reason there is none. */
export function findPostgresBin(): { dir: string } | { missing: string } {
  for (const dir of SEARCH_DIRS()) {
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return { dir };
  }
  return { missing: "PostgreSQL's server binaries (initdb, pg_ctl) are not on this machine" };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** initdb refuses to run as root: then the cluster belongs to the `postgres` user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

export async function startPostgresCluster(
  binDir: string,
  fixedPort?: number,
): Promise<PostgresCluster> {
  const root = mkdtempSync(join(tmpdir(), "inbox-pg-"));
  const data = join(root, "data");
  const owner = runAs();
  if (owner) {
    chownSync(root, owner.uid, owner.gid);
    chmodSync(root, 0o700);
  }
  const run = (command: string, args: string[]) => {
    const result = spawnSync(join(binDir, command), args, {
      encoding: "utf8",
      ...(owner && { uid: owner.uid, gid: owner.gid }),
      env: { ...process.env, LC_ALL: "C" },
    });
    if (result.status !== 0) {
      throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error}`);
    }
  };
  const port = fixedPort ?? (await freePort());
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  run("pg_ctl", [
    "-D",
    data,
    "-w",
    "-l",
    join(root, "server.log"),
    "-o",
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      spawnSync(join(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], {
        ...(owner && { uid: owner.uid, gid: owner.gid }),
      });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
