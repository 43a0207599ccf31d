/**
 * One instance per server process, whatever bundle asks for it. Next.js may evaluate a module once
 * per route bundle (a page and an API route each get their own copy), so a module-level variable
 * would give each bundle its own rate budget, connection pool or database handle. The instance
 * is kept on `globalThis` under `Symbol.for("didit-inbox.<name>")`, the one naming scheme for
 * every process-wide object.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`didit-inbox.${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

/** Drops a process-wide instance, so the next `processSingleton` call creates a new one. */
export function resetProcessSingleton(name: string): void {
  const holder = globalThis as typeof globalThis & Record<symbol, unknown>;
  delete holder[Symbol.for(`didit-inbox.${name}`)];
}

/** The process-wide instance if one was created, without creating it. */
export function peekProcessSingleton<T>(name: string): T | undefined {
  const holder = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return holder[Symbol.for(`didit-inbox.${name}`)];
}
