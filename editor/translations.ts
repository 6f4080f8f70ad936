/** What the editors' translation commands write and print: the recorded hash, the status table, the notes. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseContentFile } from "../src/lib/content-file.ts";
import {
  sourceHash,
  type StatusRow,
  type TranslatableFile,
  type TranslationState,
} from "../src/checks/translations.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";

/** A mistake in what the editor asked for, with the message to print. */
export class TranslationRequestError extends Error {}

/** The file's text with translatedFrom and sourceHash set at the end of its frontmatter, every other byte kept. */
export function recordTranslation(source: string, from: string, hash: string): string {
  const match = /^(---\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/.exec(source);
  if (!match) throw new Error("no frontmatter: expected the file to start with a line --- and the fields");
  const eol = match[1]!.endsWith("\r\n") ? "\r\n" : "\n";
  const kept = match[2]!.split(/\r?\n/).filter((line) => !/^(translatedFrom|sourceHash)\s*:/.test(line));
  const fields = [...kept, `translatedFrom: ${from}`, `sourceHash: "${hash}"`].join(eol);
  return `${match[1]}${fields}${match[3]}${source.slice(match[0].length)}`;
}

/** The table `npm run i18n:status` prints: one row per entry, one column per locale. */
export function formatStatusTable(rows: StatusRow[], locales: readonly string[]): string {
  const header = ["entry", ...locales];
  const lines = rows.map((row) => [row.entry, ...locales.map((l) => row.cells[l]?.state ?? "missing")]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}

/** Files carrying a note for editors, with the note: listed by the status command, never published. */
export function editorialNotes(files: TranslatableFile[]): { filePath: string; note: string }[] {
  return files
    .filter((file) => typeof file.data.editorialNote === "string")
    .map((file) => ({ filePath: file.filePath, note: file.data.editorialNote as string }));
}

function readTranslatable(file: string) {
  const text = readFileSync(file, "utf8");
  const parsed = parseContentFile(text, file);
  if (parsed.problem || !parsed.data)
    throw new TranslationRequestError(`${file}: cannot read its frontmatter (${parsed.problem?.found}).`);
  return { text, data: parsed.data, body: parsed.body };
}

/**
 * `npm run i18n:translated`: the new text of a translation file, stamped with its original's current hash.
 * `from` is the original's locale when the file does not say it yet.
 */
export function stampTranslation(file: string, from?: string) {
  if (from !== undefined && !isLocale(from))
    throw new TranslationRequestError(`--from "${from}": expected a declared locale (${localeCodes.join(", ")}).`);
  if (!existsSync(file))
    throw new TranslationRequestError(
      `${file}: no such file; expected a content file such as content/results/en/2-3.mdx.`,
    );
  const [collection = "", locale = "", base = ""] = path.normalize(file).split(path.sep).slice(-3);
  const name = base.replace(/\.mdx?$/, "");
  if (!isLocale(locale))
    throw new TranslationRequestError(
      `${file}: in a folder named "${locale}"; expected a locale folder (${localeCodes.join(", ")}).`,
    );
  const translation = readTranslatable(file);
  const original = from ?? (translation.data.translatedFrom as string | undefined);
  if (!original)
    throw new TranslationRequestError(
      `${file}: has no translatedFrom yet; expected --from <locale of the original>, e.g. --from ${localeCodes.find((l) => l !== locale)}.`,
    );
  if (original === locale)
    throw new TranslationRequestError(
      `${file}: --from ${original} is this file's own locale; expected the original's locale.`,
    );
  const folder = path.join(path.dirname(path.dirname(file)), original);
  const originalFile = [".mdx", ".md"].map((ext) => path.join(folder, `${name}${ext}`)).find((f) => existsSync(f));
  if (!originalFile)
    throw new TranslationRequestError(
      `${file}: no original ${path.join(folder, name)}.md(x); expected the ${collection} entry "${name}" in ${original}.`,
    );
  const source = readTranslatable(originalFile);
  if (source.data.translatedFrom !== undefined)
    throw new TranslationRequestError(
      `${originalFile} is itself a translation (translatedFrom: ${String(source.data.translatedFrom)}); expected the original.`,
    );
  const hash = sourceHash(source);
  return { text: recordTranslation(translation.text, original, hash), originalFile, hash };
}

/** What `npm run i18n:status` prints, and how many translations are still to do. */
export function statusReport(files: TranslatableFile[], rows: StatusRow[], locales: readonly string[]) {
  const counts = new Map<TranslationState, number>();
  for (const row of rows)
    for (const cell of Object.values(row.cells)) counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
  const notes = editorialNotes(files);
  const lines = [
    formatStatusTable(rows, locales),
    "",
    `${rows.length} entries × ${locales.length} locales: ${[...counts].map(([state, n]) => `${n} ${state}`).join(", ")}.`,
    "",
    `Editorial notes (${notes.length}; for editors only, never published):`,
    ...notes.map(({ filePath, note }) => `- ${filePath}: ${note}`),
  ];
  const pending = (["missing", "outdated", "to write"] as const).reduce((n, s) => n + (counts.get(s) ?? 0), 0);
  return { text: lines.join("\n"), pending };
}
