/**
 * Every content check that needs no build, in seconds: `npm run check:content` (CONTENT_DIR checks another folder).
 * Prints one line per problem (file:line:column, field, found, expected) and exits 1 when there is any.
 */
import { checkContent } from "../src/checks/check-content.ts";
import { contentDir } from "../src/lib/content-dir.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { readArgs } from "./cli.ts";

readArgs("check:content", "npm run check:content   (CONTENT_DIR checks another folder)", {});
const started = performance.now();
const dir = contentDir();
const { files, problems, warnings } = checkContent(dir);
const elapsed = Math.round(performance.now() - started);

// A generated strategy may warn on every entry: show the first few and count the rest.
for (const warning of warnings.slice(0, 20)) console.warn(`Warning: ${formatProblem(warning)}`);
if (warnings.length > 20) console.warn(`… and ${warnings.length - 20} more warning(s).`);
if (problems.length > 0) {
  console.error(problems.map((p) => `✗ ${formatProblem(p)}`).join("\n"));
  console.error(
    `\n${problems.length} problem(s) in ${files.length} valid file(s) under ${dir}: fix them and run npm run check:content again. ` +
      "docs/editing-guide.en.md (English) and docs/guide-edition.fr.md (French) explain each message.",
  );
  process.exit(1);
}
console.log(
  `✓ ${files.length} content files checked in ${elapsed} ms: no problem${warnings.length ? `, ${warnings.length} warning(s)` : ""}.`,
);
