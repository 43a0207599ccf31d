import { afterEach, describe, expect, it } from "vitest";
import { resetProcessSingleton } from "@/lib/runtime/process-singleton";
import { ExportGate, exportGate } from "./export-gate";

function taken(gate: ExportGate, analyst: string, signal?: AbortSignal) {
  const admission = gate.acquire(analyst, signal);
  if (!admission.ok) throw new Error(`refused: ${admission.message}`);
  return admission.slot;
}

describe("ExportGate", () => {
  afterEach(() => resetProcessSingleton("export-gate"));

  it("lets an analyst run two exports at once and refuses the third, saying why", () => {
    const gate = new ExportGate(2, 4);
    taken(gate, "a");
    taken(gate, "a");
    const third = gate.acquire("a");
    expect(third).toMatchObject({ ok: false, reason: "analyst", retryAfterS: 30 });
    if (!third.ok) expect(third.message).toMatch(/already have 2 exports running; at most 2/);
    // Someone else is not held back by a's exports.
    expect(gate.acquire("b").ok).toBe(true);
  });

  it("holds the instance to four exports in all, whoever asks", () => {
    const gate = new ExportGate(2, 4);
    for (const analyst of ["a", "a", "b", "c"]) taken(gate, analyst);
    const fifth = gate.acquire("d");
    expect(fifth).toMatchObject({ ok: false, reason: "instance" });
    if (!fifth.ok) expect(fifth.message).toMatch(/already running 4 exports, its limit/);
  });

  it("gives the slot back on release, once however often it is released", () => {
    const gate = new ExportGate(2, 4);
    const first = taken(gate, "a");
    taken(gate, "a");
    first.release();
    first.release();
    expect(gate.running("a")).toBe(1);
    expect(gate.running()).toBe(1);
    taken(gate, "a");
    expect(gate.acquire("a").ok).toBe(false);
  });

  it("gives the slot back when the request's signal aborts", () => {
    const gate = new ExportGate(2, 4);
    const client = new AbortController();
    const slot = taken(gate, "a", client.signal);
    expect(gate.running("a")).toBe(1);
    client.abort();
    expect(gate.running("a")).toBe(0);
    expect(gate.running()).toBe(0);
    // A later release after the abort does not count twice.
    slot.release();
    expect(gate.running()).toBe(0);
    const gone = AbortSignal.abort();
    taken(gate, "a", gone);
    expect(gate.running()).toBe(0);
  });

  it("is one gate per process", () => {
    expect(exportGate()).toBe(exportGate());
    expect(exportGate().perAnalyst).toBe(2);
    expect(exportGate().perInstance).toBe(4);
  });
});
