/** Tables as CSV (RFC 4180), in UTF-8 with a byte-order mark so spreadsheet programs read accents correctly. */

export const byteOrderMark = "\uFEFF";

/** One field: quoted, with its quotes doubled, when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: byte-order mark, then one record per row, each ended by CRLF as RFC 4180 writes them. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return byteOrderMark + rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
