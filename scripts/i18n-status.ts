/**
 * Translation status of every entry in every locale, then the editorial notes: `npm run i18n:status`.
 * Exits 1 when a translation is missing, outdated or still to write, so it can gate a release.
 */
import { statusReport } from "../editor/translations.ts";
import { readContentFiles } from "../src/checks/content-files.ts";
import { translationStatus } from "../src/checks/translations.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";
import { readArgs } from "./cli.ts";

readArgs("i18n:status", "npm run i18n:status", {});
const { files } = readContentFiles(contentDir());
const declared = files.filter((f) => isLocale(f.locale));
const { text, pending } = statusReport(declared, translationStatus(declared, localeCodes), localeCodes);
console.log(text);
if (pending > 0) {
  console.log(`\n${pending} translation(s) to do: docs/editing-guide.en.md, "Translating", explains how.`);
  process.exit(1);
}
