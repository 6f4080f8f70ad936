/**
 * Lighthouse, mobile defaults, on a production build behind nginx (bench/lighthouse.ts): prints the four scores per
 * page and every audit short of 100. One part of `npm run bench`, alone.
 * Usage: node scripts/bench-lighthouse.ts [--site dist] [path ...]   (default: home, objective 1, all results, search)
 */
import { existsSync } from "node:fs";
import { categories, defaultPaths, runLighthouse } from "../bench/lighthouse.ts";
import { readArgs, stop } from "./cli.ts";

const command = "bench-lighthouse";
const usage = "node scripts/bench-lighthouse.ts [--site dist] [path ...]";
const { values, positionals } = readArgs(
  command,
  usage,
  { site: { type: "string", default: "dist" } },
  { positionals: true },
);
if (!existsSync(values.site))
  stop(command, `--site: found no folder at ${values.site}; expected a built site (run npm run build first).`);
const wrong = positionals.find((p) => !p.startsWith("/"));
if (wrong) stop(command, `found the path "${wrong}"; expected a path on the site such as /fr/.\nUsage: ${usage}`);

for (const result of await runLighthouse(values.site, positionals.length > 0 ? positionals : defaultPaths)) {
  console.log(`${result.path}: ${categories.map((c) => `${c} ${result.scores[c]}`).join(", ")}`);
  for (const shortfall of result.shortfalls) console.log(`  ${shortfall}`);
}
