import { describe, expect, it } from "vitest";
import { shortcutFor } from "./shortcuts";

const body = { tagName: "BODY", getAttribute: () => null };
const row = {
  tagName: "TR",
  getAttribute: (name: string) => (name === "data-user-row" ? "true" : null),
};

describe("shortcutFor", () => {
  it("maps the documented keys", () => {
    expect(shortcutFor({ key: "j", target: body })).toBe("next-row");
    expect(shortcutFor({ key: "k", target: body })).toBe("previous-row");
    expect(shortcutFor({ key: "/", target: body })).toBe("focus-search");
    expect(shortcutFor({ key: "[", target: body })).toBe("previous-page");
    expect(shortcutFor({ key: "]", target: body })).toBe("next-page");
    expect(shortcutFor({ key: "?", target: body })).toBe("toggle-help");
    expect(shortcutFor({ key: "Escape", target: body })).toBe("escape");
  });

  it("claims and goes to the next unclaimed user, from the table and from the panel", () => {
    expect(shortcutFor({ key: "c", target: body })).toBe("claim");
    expect(shortcutFor({ key: "n", target: body })).toBe("next-unclaimed");
    expect(shortcutFor({ key: "c", target: body }, "panel")).toBe("claim");
    expect(shortcutFor({ key: "n", target: body }, "panel")).toBe("next-unclaimed");
    expect(shortcutFor({ key: "c", target: { tagName: "TEXTAREA" } }, "panel")).toBeNull();
    expect(shortcutFor({ key: "c", ctrlKey: true, target: body })).toBeNull();
  });

  it("never fires while typing in a field", () => {
    for (const tagName of ["INPUT", "TEXTAREA", "SELECT"]) {
      expect(shortcutFor({ key: "j", target: { tagName } })).toBeNull();
      expect(shortcutFor({ key: "/", target: { tagName } })).toBeNull();
    }
    expect(
      shortcutFor({ key: "k", target: { tagName: "DIV", isContentEditable: true } }),
    ).toBeNull();
    expect(shortcutFor({ key: "j", target: { tagName: "INPUT", type: "search" } })).toBeNull();
    expect(shortcutFor({ key: "j", target: { tagName: "INPUT", type: "date" } })).toBeNull();
  });

  it("still works on radios and checkboxes, which are not typed into", () => {
    expect(shortcutFor({ key: "j", target: { tagName: "INPUT", type: "radio" } })).toBe("next-row");
    expect(shortcutFor({ key: "Escape", target: { tagName: "INPUT", type: "checkbox" } })).toBe(
      "escape",
    );
  });

  it("uses arrows and Enter only on a focused row", () => {
    expect(shortcutFor({ key: "ArrowDown", target: body })).toBeNull();
    expect(shortcutFor({ key: "Enter", target: body })).toBeNull();
    expect(shortcutFor({ key: "ArrowDown", target: row })).toBe("next-row");
    expect(shortcutFor({ key: "ArrowUp", target: row })).toBe("previous-row");
    expect(shortcutFor({ key: "Enter", target: row })).toBe("open-row");
  });

  it("leaves browser shortcuts alone", () => {
    expect(shortcutFor({ key: "k", ctrlKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: "[", metaKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: "a", ctrlKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: "x", metaKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: "q", target: body })).toBeNull();
  });

  it("in the open panel, only steps and closes, arrows included", () => {
    const button = { tagName: "BUTTON", getAttribute: () => null };
    expect(shortcutFor({ key: "ArrowDown", target: button }, "panel")).toBe("next-row");
    expect(shortcutFor({ key: "ArrowUp", target: body }, "panel")).toBe("previous-row");
    expect(shortcutFor({ key: "j", target: body }, "panel")).toBe("next-row");
    expect(shortcutFor({ key: "k", target: body }, "panel")).toBe("previous-row");
    expect(shortcutFor({ key: "Escape", target: button }, "panel")).toBe("escape");
    // Enter presses the focused button; pages and search wait until the panel is closed.
    for (const key of ["Enter", "/", "[", "]", "?", "x"]) {
      expect(shortcutFor({ key, target: button }, "panel")).toBeNull();
    }
    expect(shortcutFor({ key: "j", ctrlKey: true, target: body }, "panel")).toBeNull();
  });

  it("on the shortcut sheet, only ? (Esc is the dialog's own)", () => {
    expect(shortcutFor({ key: "?", target: body }, "sheet")).toBe("toggle-help");
    expect(shortcutFor({ key: "Escape", target: body }, "sheet")).toBeNull();
    expect(shortcutFor({ key: "j", target: body }, "sheet")).toBeNull();
  });

  it("a, f and b decide, on a row, the page or in the panel; x selects in the table", () => {
    for (const scope of ["table", "panel"] as const) {
      expect(shortcutFor({ key: "a", target: body }, scope)).toBe("decide-active");
      expect(shortcutFor({ key: "f", target: row }, scope)).toBe("decide-flag");
      expect(shortcutFor({ key: "b", target: body }, scope)).toBe("decide-block");
    }
    expect(shortcutFor({ key: "x", target: row })).toBe("toggle-select");
    // On the row's own checkbox too: it is clicked, not typed into.
    expect(shortcutFor({ key: "x", target: { tagName: "INPUT", type: "checkbox" } })).toBe(
      "toggle-select",
    );
    // Capitals are not the shortcut (Shift+A is someone typing, or another shortcut one day).
    expect(shortcutFor({ key: "A", target: body })).toBeNull();
  });

  it("a, f, b and x never fire while typing (the reason box included)", () => {
    for (const key of ["a", "f", "b", "x"]) {
      for (const scope of ["table", "panel", "decision"] as const) {
        expect(shortcutFor({ key, target: { tagName: "TEXTAREA" } }, scope)).toBeNull();
        expect(shortcutFor({ key, target: { tagName: "INPUT", type: "text" } }, scope)).toBeNull();
      }
    }
  });

  it("in a decision dialog, only Esc (Enter and the rest are the dialog's own)", () => {
    const button = { tagName: "BUTTON", getAttribute: () => null };
    expect(shortcutFor({ key: "Escape", target: button }, "decision")).toBe("escape");
    for (const key of ["a", "f", "b", "x", "j", "k", "Enter", "?", "ArrowDown"]) {
      expect(shortcutFor({ key, target: button }, "decision")).toBeNull();
    }
  });
});
