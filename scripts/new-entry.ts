/**
 * Scaffolds a new entry in every locale folder: `npm run new -- result --objective 2` (or objective, capability).
 * The frontmatter is filled with the next free number; the text is a TODO placeholder that the checks reject.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readContentFiles } from "../src/checks/content-files.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";
import { newEntryUsage, parseNewEntryArgs, planNewEntry, UsageError } from "../editor/scaffold.ts";

const placeholders = Object.fromEntries(
  localeCodes.map((locale) => {
    const dictionary = JSON.parse(readFileSync(`src/i18n/${locale}.json`, "utf8")) as Record<string, string>;
    return [locale, dictionary["editor.placeholder"]!];
  }),
);

try {
  const request = parseNewEntryArgs(process.argv.slice(2), localeCodes);
  const dir = contentDir();
  const { files } = readContentFiles(dir);
  const planned = planNewEntry(
    request,
    files.filter((f) => isLocale(f.locale)),
    localeCodes,
    placeholders,
  );
  const targets = planned.map((file) => ({ ...file, full: path.join(dir, file.path) }));
  const taken = targets.find((t) => existsSync(t.full));
  if (taken) throw new UsageError(`${path.relative(".", taken.full)} already exists; nothing was written.`);
  for (const target of targets) {
    mkdirSync(path.dirname(target.full), { recursive: true });
    writeFileSync(target.full, target.text, { flag: "wx" });
    console.log(`✓ created ${path.relative(".", target.full)}`);
  }
  console.log(
    "\nNext: write the text in place of each TODO line (the first file listed is the original), preview with npm run dev," +
      "\nthen record each translation with npm run i18n:translated -- <file>. npm run check:content rejects TODO lines.",
  );
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`new: ${error.message}\n\n${newEntryUsage}`);
  process.exit(2);
}
