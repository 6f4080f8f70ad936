/**
 * Build step: writes each built page's Content-Security-Policy <meta> (see src/lib/csp.ts), or stops the build
 * naming every page that holds something a strict policy cannot allow.
 * Usage: node scripts/csp.ts [folder]   (default: $OUT_DIR, else dist)
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { builtHtml } from "../src/lib/built-pages.ts";
import { pageNeeds, policyFor, withPolicy } from "../src/lib/csp.ts";
import { formatProblem, type ContentProblem } from "../src/lib/integrity.ts";

const dir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? "dist");
const problems: ContentProblem[] = [];
const written: { file: string; html: string }[] = [];
for (const page of builtHtml(dir)) {
  const file = path.join(dir, page.file);
  const html = readFileSync(file, "utf8");
  const shown = path.relative(".", file);
  const found = pageNeeds(shown, html);
  const result = withPolicy(shown, html, policyFor(found.needs));
  problems.push(...found.problems, ...result.problems);
  written.push({ file, html: result.html });
}
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(
    `\n${problems.length} page problem(s) stop the build: a strict Content-Security-Policy would block them.`,
  );
  process.exit(1);
}
// Written only once every page passed, so a failure leaves the folder as it was.
for (const { file, html } of written) writeFileSync(file, html);
console.log(`Content-Security-Policy written into ${written.length} pages.`);
