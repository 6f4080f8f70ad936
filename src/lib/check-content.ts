/** All content checks that need no build: file reading, frontmatter schemas, locale folders and cross-entry integrity. */
import type { ContentFile } from "./content-files.ts";
import { readContentFiles, schemaProblems } from "./content-files.ts";
import { findContentProblems, type ContentProblem } from "./integrity.ts";
import { localeCodes } from "./locales.ts";
import type { CapabilityEntry, Collections, ObjectiveEntry, ResultEntry, StrategyEntry } from "./strategy.ts";

/** Files as the entries Astro would load, a result's objective number qualified like the loader does. */
export function collectionsFromFiles(
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
      data: { ...e.data, objective: { id: `${e.id.split("/")[0]}/${String(e.data.objective)}` } },
    })) as ResultEntry[],
    capabilities: entries("capabilities") as CapabilityEntry[],
  };
}

export function checkContent(contentDir: string): { files: ContentFile[]; problems: ContentProblem[] } {
  const { files, problems } = readContentFiles(contentDir);
  const valid: ContentFile[] = [];
  for (const file of files) {
    if (!(localeCodes as string[]).includes(file.locale)) {
      problems.push({
        file: file.filePath,
        found: `a folder named "${file.locale}"`,
        expected: `one of the declared locales (${localeCodes.join(", ")}), as set in src/lib/locales.ts`,
      });
      continue;
    }
    const found = schemaProblems(file);
    problems.push(...found);
    if (found.length === 0) valid.push(file);
  }
  problems.push(...findContentProblems(collectionsFromFiles(valid), localeCodes));
  return { files: valid, problems };
}
