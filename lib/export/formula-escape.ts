/**
 * CSV ("formula") injection: a spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` as a
 * formula, so a vendor_data or name such as `=HYPERLINK("https://evil.example", "Open")` would run
 * in the analyst's Excel. OWASP's advice: prefix such cells with a single quote, which spreadsheets
 * show as text. Tab and carriage return are on OWASP's list too (they can hide a formula that
 * follows), and Apple Numbers folds the full-width forms of the four signs into the ASCII ones.
 *
 * The cost is honest data being altered: a phone number `+1 555…` reads `'+1 555…`. That is the
 * trade-off OWASP recommends for a file meant to be opened in a spreadsheet.
 * Spreadsheets also skip leading blanks before reading a formula (" =1+1" runs in Excel and
 * LibreOffice), so whitespace, control characters (NUL, tab, CR, LF, …) and invisible format
 * characters (zero-width space, BOM) before one of the signs count as that sign.
 *
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
