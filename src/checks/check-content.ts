/**
 * All content checks that need no build: file reading, frontmatter schemas, locale folders, cross-entry integrity,
 * translation fields, and the text of each body (MDX syntax, components, unsafe HTML and URLs, links, placeholders).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { sharedIdProblems } from "./author-ids.ts";
import { checkBody, hasPlaceholder } from "./body-checks.ts";
import { fieldAt, inDeclaredLocale, readContentFiles, schemaProblems, type LocalizedFile } from "./content-files.ts";
import { referenceFields, type CollectionName } from "../lib/collections.ts";
import { qualifyReferences } from "../lib/entry-ids.ts";
import { findContentProblems } from "./integrity.ts";
import type { Problem } from "../lib/problem.ts";
import { linkTargets } from "./link-targets.ts";
import { localeCodes, type Locale } from "../lib/locales.ts";
import type { Collections } from "../lib/strategy.ts";
import {
  outdatedTranslations,
  translationProblems,
  translationStatus,
  untrackedTranslations,
  type StatusRow,
} from "./translations.ts";

/** Valid files as the entries Astro loads them, each reference qualified by the loader's own rule. */
function collectionsFromFiles(files: LocalizedFile[]): Collections {
  const entries = (collection: CollectionName) =>
    files
      .filter((f) => f.collection === collection)
      .map((f) => {
        const data = qualifyReferences(f.id, f.data, referenceFields[collection]);
        // Astro's reference() turns the qualified id into an object with that id.
        for (const field of referenceFields[collection]) data[field] = { id: data[field] };
        return { id: f.id, filePath: f.filePath, body: f.body, data };
      });
  // Each file passed its collection's schema before getting here.
  return {
    strategy: entries("strategy") as Collections["strategy"],
    objectives: entries("objectives") as Collections["objectives"],
    results: entries("results") as Collections["results"],
    capabilities: entries("capabilities") as Collections["capabilities"],
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
function targetsOf(files: LocalizedFile[], publicDir: string) {
  const perLocale = new Map<Locale, { objectives: number[]; results: { objective: number; order: number }[] }>();
  for (const locale of localeCodes) perLocale.set(locale, { objectives: [], results: [] });
  for (const file of files) {
    const site = perLocale.get(file.locale);
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
  files: LocalizedFile[];
  /** Mistakes that stop the build. */
  problems: Problem[];
  /** Worth fixing but not worth stopping publication for: outdated or untracked translations. */
  warnings: Problem[];
  /** Every entry × locale: original, translated, outdated, to write, missing or untracked. */
  status: StatusRow<LocalizedFile>[];
}

export function checkContent(contentDir: string, options: { publicDir?: string } = {}): ContentReport {
  const { files, problems } = readContentFiles(contentDir);
  const valid: LocalizedFile[] = [];
  for (const file of files) {
    if (!inDeclaredLocale(file)) {
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
  const located = (problem: Problem) => {
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
  const bodies = valid.map((file) => ({ file, ...checkBody(file, targets) }));
  for (const body of bodies) problems.push(...body.problems);
  problems.push(...sharedIdProblems(bodies));

  const status = translationStatus(valid, localeCodes);
  return {
    files: valid,
    problems,
    warnings: allValid ? [...untrackedTranslations(valid), ...outdatedTranslations(status)] : [],
    status,
  };
}
