import { processSingleton } from "@/lib/runtime/process-singleton";

/**
 * How many exports may run at once. An export walks every page of a view and holds a slot of
 * the exports' pacing for minutes; without a cap one analyst (or a script reusing their session)
 * could start dozens and starve everyone's exports, and the instance's memory and sockets with
 * them. Each analyst may run `perAnalyst` exports at once, the instance `perInstance` in all.
 *
 * A slot is released exactly once, whichever comes first: the export finishes, fails, is
 * cancelled, or the request's signal aborts (the client went away). Releasing again is a no-op,
 * so every exit path may call it.
 */

export const EXPORTS_PER_ANALYST = 2;
export const EXPORTS_PER_INSTANCE = 4;
/** What a refused export is told to wait: exports take minutes, so a short retry is pointless. */
export const EXPORT_RETRY_AFTER_S = 30;

export interface ExportSlot {
  release(): void;
}

export type ExportAdmission =
  | { ok: true; slot: ExportSlot }
  | { ok: false; reason: "analyst" | "instance"; message: string; retryAfterS: number };

export class ExportGate {
  readonly #running = new Map<string, number>();
  #total = 0;

  constructor(
    readonly perAnalyst = EXPORTS_PER_ANALYST,
    readonly perInstance = EXPORTS_PER_INSTANCE,
  ) {}

  /** Exports running now: for one analyst, or on the instance. */
  running(analystId?: string): number {
    return analystId === undefined ? this.#total : (this.#running.get(analystId) ?? 0);
  }

  /**
   * Takes a slot for `analystId`, or says why not. With `signal`, the slot is also released when
   * it aborts.
   */
  acquire(analystId: string, signal?: AbortSignal): ExportAdmission {
    const mine = this.running(analystId);
    if (mine >= this.perAnalyst) {
      return {
        ok: false,
        reason: "analyst",
        message: `You already have ${mine} exports running; at most ${this.perAnalyst} may run at once. Wait for one to finish or cancel it.`,
        retryAfterS: EXPORT_RETRY_AFTER_S,
      };
    }
    if (this.#total >= this.perInstance) {
      return {
        ok: false,
        reason: "instance",
        message: `The inbox is already running ${this.#total} exports, its limit. Try again in a minute.`,
        retryAfterS: EXPORT_RETRY_AFTER_S,
      };
    }
    this.#running.set(analystId, mine + 1);
    this.#total++;
    let released = false;
    const onAbort = () => slot.release();
    const slot: ExportSlot = {
      release: () => {
        if (released) return;
        released = true;
        signal?.removeEventListener("abort", onAbort);
        const left = (this.#running.get(analystId) ?? 1) - 1;
        if (left > 0) this.#running.set(analystId, left);
        else this.#running.delete(analystId);
        this.#total--;
      },
    };
    if (signal?.aborted) slot.release();
    else signal?.addEventListener("abort", onAbort, { once: true });
    return { ok: true, slot };
  }
}

/** The one gate of this process, shared by every route bundle. */
export function exportGate(): ExportGate {
  return processSingleton("export-gate", () => new ExportGate());
}
