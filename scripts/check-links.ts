/**
 * Link check over a built site (see src/lib/link-check.ts): prints each problem with its page, exits 1 if any.
 * Usage: node scripts/check-links.ts [folder]   (default: dist; SITE_URL as for the build)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { builtHtml } from "../src/lib/built-pages.ts";
import { formatProblem } from "../src/lib/integrity.ts";
import { checkLinks } from "../src/lib/link-check.ts";
import { siteUrl } from "../src/lib/site.ts";

const dir = path.resolve(process.argv[2] ?? "dist");
if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`check-links: found no folder at ${dir}; expected a built site (run npm run build first).`);
  process.exit(2);
}
const relative = readdirSync(dir, { recursive: true, encoding: "utf8" })
  .filter((f) => !/\.(gz|br)$/.test(f) && statSync(path.join(dir, f)).isFile())
  .map((f) => `/${f.split(path.sep).join("/")}`);
const pages = builtHtml(dir).map((page) => ({
  path: page.urlPath,
  html: readFileSync(path.join(dir, page.file), "utf8"),
}));
const problems = checkLinks(pages, new Set(relative), siteUrl(process.env));
const shown = path.relative(".", dir) || ".";
for (const problem of problems) console.error(formatProblem({ ...problem, file: `${shown}${problem.file}` }));
const links = pages.reduce((n, page) => n + (page.html.match(/\s(href|src|action)=/g)?.length ?? 0), 0);
console.log(`Links checked: ${links} in ${pages.length} pages of ${shown}/; problems: ${problems.length}.`);
process.exit(problems.length > 0 ? 1 : 0);
