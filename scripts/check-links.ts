/**
 * Link check over a built site (build/link-check.ts): prints each problem with its page, exits 1 if any.
 * Usage: node scripts/check-links.ts [folder]   (default: $OUT_DIR, else dist; SITE_URL as for the build)
 */
import path from "node:path";
import { checkBuiltSite } from "../build/link-check.ts";
import { formatProblem } from "../src/lib/problem.ts";
import { siteUrl } from "../src/site/site-url.ts";
import { builtFolder } from "./cli.ts";

const dir = builtFolder("check-links", "node scripts/check-links.ts [folder]");
const { problems, links, pages } = checkBuiltSite(dir, siteUrl(process.env));
const shown = path.relative(".", dir) || ".";
for (const problem of problems) console.error(formatProblem({ ...problem, file: `${shown}${problem.file}` }));
console.log(`Links checked: ${links} in ${pages} pages of ${shown}/; problems: ${problems.length}.`);
process.exit(problems.length > 0 ? 1 : 0);
