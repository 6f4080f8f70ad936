/**
 * Build step: writes each built page's Content-Security-Policy <meta> (build/csp.ts), or stops the build naming
 * every page that holds something a strict policy cannot allow.
 * Usage: node scripts/csp.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { writePolicies } from "../build/csp.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { builtFolder } from "./cli.ts";

const { pages, problems } = writePolicies(builtFolder("csp", "node scripts/csp.ts [folder]"));
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(
    `\n${problems.length} page problem(s) stop the build: a strict Content-Security-Policy would block them.`,
  );
  process.exit(1);
}
console.log(`Content-Security-Policy written into ${pages} pages.`);
