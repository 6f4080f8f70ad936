/**
 * While previewing (`astro dev`): the content's problems as `npm run check:content` reports them, checked again
 * whenever a content file changed, so that every page shows them in place of a stale text or a 500 error. Pages
 * import this module only under import.meta.env.DEV: the build has stopped on these problems before Astro runs.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { checkContent } from "../checks/check-content.ts";
import { readContentFiles } from "../checks/content-files.ts";
import { isMissingEntry } from "../checks/integrity.ts";
import { contentDir } from "../lib/content-dir.ts";
import type { Locale } from "../lib/locales.ts";
import type { Problem } from "../lib/problem.ts";

/** Every file under the content folder with its size and time: what changes when an editor saves. */
function stamp(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .sort()
    .map((file) => {
      const stats = statSync(path.join(dir, file));
      return `${file}:${stats.size}:${stats.mtimeMs}`;
    })
    .join("\n");
}

let checked: { stamp: string; problems: Problem[] } | undefined;

/** The problems of the content folder, checked again only when one of its files changed. */
export function previewProblems(dir: string = contentDir()): Problem[] {
  const now = stamp(dir);
  // A missing translation is previewed in its original's language under a notice (fallback.ts), not listed here.
  if (checked?.stamp !== now)
    checked = { stamp: now, problems: checkContent(dir).problems.filter((p) => !isMissingEntry(p)) };
  return checked.problems;
}

/** The objective numbers a locale's files hold, for routing while the content cannot be loaded whole. */
export function previewObjectives(locale: Locale, dir: string = contentDir()): number[] {
  return readContentFiles(dir)
    .files.filter((f) => f.collection === "objectives" && f.locale === locale && Number.isInteger(f.data.number))
    .map((f) => f.data.number as number)
    .sort((a, b) => a - b);
}
