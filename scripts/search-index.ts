/**
 * Build step: the search index (build/search-index.ts). Stops the build, naming the page, when a searchable region
 * is misplaced or a locale has nothing to search.
 * Usage: node scripts/search-index.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { writeSearchIndex } from "../build/search-index.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { builtFolder } from "./cli.ts";

const dir = builtFolder("search-index", "node scripts/search-index.ts [folder]");
const result = await writeSearchIndex(dir);
if (!result.ok) {
  for (const problem of result.problems) console.error(formatProblem(problem));
  if (result.problems.length > 0)
    console.error(`\n${result.problems.length} problem(s) stop the build: the search index is wrong.`);
  if (result.pagefindErrors.length > 0)
    console.error(["Pagefind failed to index:", ...result.pagefindErrors].join("\n"));
  process.exit(1);
}
for (const { locale, records, files, bytes } of result.perLocale)
  console.log(`Search index "${locale}": ${records} records, ${files} files, ${bytes} bytes.`);
