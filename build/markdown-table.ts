/** A Markdown table, readable as plain text in a terminal and rendered as a table in a .md file. */
export function markdownTable(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  const cells = rows.map((row) => header.map((_, i) => escape(row[i] ?? "")));
  const widths = header.map((h, i) => Math.max(3, h.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
