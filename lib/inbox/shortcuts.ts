/**
 * The inbox's keyboard shortcuts, as a pure mapping from a key event to an action, so the rules
 * ("never while typing", "arrows only on a focused row") are tested without a browser.
 */
export type ShortcutAction =
  | "next-row"
  | "previous-row"
  | "open-row"
  | "focus-search"
  | "escape"
  | "previous-page"
  | "next-page"
  | "toggle-help"
  | "decide-active"
  | "decide-flag"
  | "decide-block"
  | "toggle-select"
  | "claim"
  | "next-unclaimed";

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the event came from. */
  target: {
    tagName?: string;
    isContentEditable?: boolean;
    /** For inputs: radios and checkboxes are not typed into. */
    type?: string;
    getAttribute?: (name: string) => string | null;
  } | null;
}

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; description: string }> = [
  { keys: ["j", "↓"], description: "Next user" },
  { keys: ["k", "↑"], description: "Previous user" },
  { keys: ["Enter"], description: "Open the focused user" },
  { keys: ["/"], description: "Search" },
  { keys: ["Esc"], description: "Close the panel, or leave the table" },
  { keys: ["a"], description: "Set the user active" },
  { keys: ["f"], description: "Flag the user" },
  { keys: ["b"], description: "Block the user" },
  { keys: ["x"], description: "Select or unselect the focused user" },
  { keys: ["c"], description: "Claim the user (In review by you)" },
  { keys: ["n"], description: "Next unclaimed user, across pages" },
  { keys: ["["], description: "Previous page" },
  { keys: ["]"], description: "Next page" },
  { keys: ["?"], description: "Show these shortcuts" },
  { keys: ["Enter"], description: "In a decision: confirm (Shift+Enter: new line)" },
];

const TYPING_TAGS = new Set(["TEXTAREA", "SELECT"]);
const NON_TEXT_INPUTS = new Set([
  "radio",
  "checkbox",
  "button",
  "submit",
  "reset",
  "range",
  "color",
  "file",
  "image",
]);

export function isTyping(target: KeyLike["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = (target.tagName ?? "").toUpperCase();
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return TYPING_TAGS.has(tag);
}

function onRow(target: KeyLike["target"]): boolean {
  return target?.getAttribute?.("data-user-row") === "true";
}

/**
 * Where the keys go: the table (the inbox itself), the open user panel (stepping, closing and
 * deciding), the shortcut sheet (only `?` to close it again; Esc is the dialog's own), or a
 * decision dialog (only Esc, so it closes even while its code is still loading; Enter and typing
 * are the dialog's own).
 */
export type ShortcutScope = "table" | "panel" | "sheet" | "decision";

/** a / f / b: the decisions, and c / n: claims, for the focused row or the open user. */
function decisionShortcut(key: string): ShortcutAction | null {
  switch (key) {
    case "c":
      return "claim";
    case "n":
      return "next-unclaimed";
    case "a":
      return "decide-active";
    case "f":
      return "decide-flag";
    case "b":
      return "decide-block";
    default:
      return null;
  }
}

function panelShortcut(key: string): ShortcutAction | null {
  const decision = decisionShortcut(key);
  if (decision) return decision;
  switch (key) {
    // In the panel the arrows step through users wherever the focus is inside it.
    case "j":
    case "ArrowDown":
      return "next-row";
    case "k":
    case "ArrowUp":
      return "previous-row";
    case "Escape":
      return "escape";
    default:
      return null;
  }
}

export function shortcutFor(event: KeyLike, scope: ShortcutScope = "table"): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTyping(event.target)) return null;
  if (scope === "panel") return panelShortcut(event.key);
  if (scope === "sheet") return event.key === "?" ? "toggle-help" : null;
  if (scope === "decision") return event.key === "Escape" ? "escape" : null;
  const decision = decisionShortcut(event.key);
  if (decision) return decision;
  switch (event.key) {
    case "j":
      return "next-row";
    case "k":
      return "previous-row";
    // Arrows keep scrolling the page unless the analyst is on a row.
    case "ArrowDown":
      return onRow(event.target) ? "next-row" : null;
    case "ArrowUp":
      return onRow(event.target) ? "previous-row" : null;
    case "Enter":
      return onRow(event.target) ? "open-row" : null;
    case "/":
      return "focus-search";
    case "Escape":
      return "escape";
    case "[":
      return "previous-page";
    case "]":
      return "next-page";
    case "?":
      return "toggle-help";
    case "x":
      return "toggle-select";
    default:
      return null;
  }
}
