/**
 * Translation status of every entry in every locale, then the editorial notes: `npm run i18n:status`.
 * Exits 1 when a translation is missing, outdated or still to write, so it can gate a release.
 */
import { readContentFiles } from "../src/lib/content-files.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";
import {
  editorialNotes,
  formatStatusTable,
  translationStatus,
  type TranslationState,
} from "../src/lib/translations.ts";

const { files } = readContentFiles(contentDir());
const declared = files.filter((f) => isLocale(f.locale));
const rows = translationStatus(declared, localeCodes);

console.log(formatStatusTable(rows, localeCodes));
const counts = new Map<TranslationState, number>();
for (const row of rows)
  for (const cell of Object.values(row.cells)) counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
console.log(
  `\n${rows.length} entries × ${localeCodes.length} locales: ${[...counts].map(([state, n]) => `${n} ${state}`).join(", ")}.`,
);

const notes = editorialNotes(declared);
console.log(`\nEditorial notes (${notes.length}; for editors only, never published):`);
for (const { filePath, note } of notes) console.log(`- ${filePath}: ${note}`);

const pending = ["missing", "outdated", "to write"].reduce((n, s) => n + (counts.get(s as TranslationState) ?? 0), 0);
if (pending > 0) {
  console.log(`\n${pending} translation(s) to do: docs/editing-guide.en.md, "Translating", explains how.`);
  process.exit(1);
}
