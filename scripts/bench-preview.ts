/**
 * Edit-to-preview latency with `astro dev` on a copy of content/ (bench/preview.ts): prints each edit and the median.
 * Usage: npm run bench:preview [-- --edits 5 --result fr/2-3 --browser]   (--browser: until the page open in Chromium shows it)
 */
import { existsSync } from "node:fs";
import { benchPreview, previewGoalMs } from "../bench/preview.ts";
import { isLocale } from "../src/lib/locales.ts";
import { readArgs, stop, wholeNumber } from "./cli.ts";

const command = "bench-preview";
const usage = "npm run bench:preview [-- --edits 5 --result fr/2-3 --browser]";
const { values } = readArgs(command, usage, {
  edits: { type: "string" },
  result: { type: "string", default: "fr/2-3" },
  browser: { type: "boolean", default: false },
});
const edits = wholeNumber(command, "edits", values.edits, 5);
const [locale = "", name = ""] = values.result.split("/");
if (!isLocale(locale) || !/^\d+-\d+$/.test(name))
  stop(command, `--result: found "${values.result}"; expected <locale>/<objective>-<order>, e.g. fr/2-3.`);
if (!existsSync(`content/results/${locale}/${name}.mdx`))
  stop(command, `--result: found no content/results/${locale}/${name}.mdx; expected an existing result.`);

const { times, median } = await benchPreview({
  edits,
  result: { locale, name },
  inBrowser: values.browser,
  onReady: (url, ms) => console.log(`astro dev serves ${url} (first render after ${Math.round(ms)} ms)`),
  onEdit: (edit, ms) => console.log(`edit ${edit}: ${Math.round(ms)} ms`),
});
const where = values.browser ? "shown on the page open in Chromium" : "served by astro dev";
console.log(`median of ${times.length} edits, ${where}: ${Math.round(median)} ms (goal ≤ ${previewGoalMs} ms)`);
