/** Tables as CSV (RFC 4180), in UTF-8 with a byte-order mark so spreadsheet programs read accents correctly. */

export const byteOrderMark = "\uFEFF";

/**
 * Spreadsheets run a cell that starts with = + - @, a tab or a carriage return as a formula (CSV injection); full-width
 * forms included, which some read as the same. OWASP's guidance: such a cell starts with a single quote, which
 * spreadsheets read as "this is text" and do not show, and is quoted.
 */
const formulaStart = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** One field: quoted, with its quotes doubled, when it holds a comma, a quote or a line break, or when it would read as a formula. */
export function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  if (formulaStart.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole file: byte-order mark, then one record per row, each ended by CRLF as RFC 4180 writes them. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return byteOrderMark + rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
