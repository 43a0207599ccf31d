/**
 * CSV ("formula") injection: a spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, so a vendor_data or name such as `=HYPERLINK("https://evil.example", "Open")` would run
 * in the analyst's Excel. OWASP's advice: prefix such cells with a single quote, which spreadsheets
 * show as text. Tab and carriage return are on OWASP's list too (they can hide a formula that
 * follows), and Apple Numbers folds the full-width forms of the four signs into the ASCII ones.
 *
 * The cost is honest data being altered: a phone number `+1 555…` reads `'+1 555…`. That is the
 * trade-off OWASP recommends for a file meant to be opened in a spreadsheet.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
