/**
 * All content checks that need no build: file reading, frontmatter schemas, locale folders, cross-entry integrity,
 * translation fields, and the text of each body (MDX syntax, components, unsafe HTML and URLs, links, placeholders).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { bodyProblems, hasPlaceholder } from "./body-checks.ts";
import type { ContentFile } from "./content-files.ts";
import { fieldAt, readContentFiles, schemaProblems } from "./content-files.ts";
import { localeOfId } from "./entry-ids.ts";
import { findContentProblems, type ContentProblem } from "./integrity.ts";
import { linkTargets } from "./link-targets.ts";
import { isLocale, localeCodes, type Locale } from "./locales.ts";
import type { CapabilityEntry, Collections, ObjectiveEntry, ResultEntry, StrategyEntry } from "./strategy.ts";
import {
  outdatedTranslations,
  translationProblems,
  translationStatus,
  untrackedTranslations,
  type StatusRow,
} from "./translations.ts";

/** Files as the entries Astro would load, a result's objective number qualified like the loader does. */
function collectionsFromFiles(
  files: ContentFile[],
): Collections<StrategyEntry, ObjectiveEntry, ResultEntry, CapabilityEntry> {
  const entries = (collection: ContentFile["collection"]) =>
    files
      .filter((f) => f.collection === collection)
      .map((f) => ({ id: f.id, filePath: f.filePath, body: f.body, data: f.data }));
  return {
    strategy: entries("strategy") as StrategyEntry[],
    objectives: entries("objectives") as ObjectiveEntry[],
    results: entries("results").map((e) => ({
      ...e,
      data: { ...e.data, objective: { id: `${localeOfId(e.id)}/${String(e.data.objective)}` } },
    })) as ResultEntry[],
    capabilities: entries("capabilities") as CapabilityEntry[],
  };
}

/** Root-relative paths of the files in public/, which links may point to. */
function publicFiles(publicDir: string): string[] {
  if (!existsSync(publicDir)) return [];
  return readdirSync(publicDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
}

/** The pages and result anchors the content builds, per locale. */
function targetsOf(files: ContentFile[], publicDir: string) {
  const perLocale = new Map<Locale, { objectives: number[]; results: { objective: number; order: number }[] }>();
  for (const locale of localeCodes) perLocale.set(locale, { objectives: [], results: [] });
  for (const file of files) {
    const site = perLocale.get(file.locale as Locale);
    if (!site) continue;
    if (file.collection === "objectives") site.objectives.push(file.data.number as number);
    if (file.collection === "results")
      site.results.push({ objective: file.data.objective as number, order: file.data.order as number });
  }
  for (const site of perLocale.values()) site.objectives.sort((a, b) => a - b);
  return linkTargets(perLocale, publicFiles(publicDir));
}

export interface ContentReport {
  /** Files whose frontmatter is valid, in a declared locale. */
  files: ContentFile[];
  /** Mistakes that stop the build. */
  problems: ContentProblem[];
  /** Worth fixing but not worth stopping publication for: outdated or untracked translations. */
  warnings: ContentProblem[];
  /** Every entry × locale: original, translated, outdated, to write, missing or untracked. */
  status: StatusRow<ContentFile>[];
}

export function checkContent(contentDir: string, options: { publicDir?: string } = {}): ContentReport {
  const { files, problems } = readContentFiles(contentDir);
  const valid: ContentFile[] = [];
  for (const file of files) {
    if (!isLocale(file.locale)) {
      problems.push({
        file: file.filePath,
        found: `a folder named "${file.locale}"`,
        expected: `one of the declared locales (${localeCodes.join(", ")}), as set in src/lib/locales.ts`,
      });
      continue;
    }
    if (file.unreadable) continue;
    const found = schemaProblems(file);
    problems.push(...found);
    if (found.length === 0) valid.push(file);
  }
  // Cross-entry checks over a partial set would only echo the problems above (a "missing" translation that is
  // merely invalid): they run once every file reads and validates.
  const allValid = valid.length === files.length;
  // Cross-entry problems name a file and a field: add the field's line when the file has it.
  const byPath = new Map(valid.map((f) => [f.filePath, f]));
  const located = (problem: ContentProblem) => {
    const file = byPath.get(problem.file);
    return file && problem.field ? { ...problem, file: fieldAt(file, problem.field) } : problem;
  };
  if (allValid) {
    problems.push(...findContentProblems(collectionsFromFiles(valid), localeCodes).map(located));
    problems.push(...translationProblems(valid).map(located));
  }

  for (const file of valid)
    for (const [field, value] of Object.entries(file.data))
      if (typeof value === "string" && hasPlaceholder(value))
        problems.push({
          file: fieldAt(file, field),
          field,
          found: "the placeholder left by npm run new",
          expected: "the text itself, in place of the TODO",
        });
  const targets = targetsOf(valid, options.publicDir ?? "public");
  for (const file of valid) problems.push(...bodyProblems(file, targets));

  const status = translationStatus(valid, localeCodes);
  return {
    files: valid,
    problems,
    warnings: allValid ? [...untrackedTranslations(valid), ...outdatedTranslations(status)] : [],
    status,
  };
}
