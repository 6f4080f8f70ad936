/**
 * Records that translations are up to date with their original: writes translatedFrom and the original's current
 * sourceHash into each file's frontmatter. Usage: npm run i18n:translated -- <file>... [--from <locale>]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseContentFile } from "../src/lib/content-files.ts";
import { isLocale, localeCodes } from "../src/lib/locales.ts";
import { recordTranslation, sourceHash } from "../src/lib/translations.ts";

function fail(message: string): never {
  console.error(`i18n:translated: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const files: string[] = [];
let from: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  if (arg === "--from") {
    from = args[++i];
    if (!from || !isLocale(from))
      fail(`--from "${from ?? ""}": expected a declared locale (${localeCodes.join(", ")}).`);
  } else if (arg.startsWith("-")) fail(`unknown option "${arg}"; expected file paths, and --from <locale> if needed.`);
  else files.push(arg);
}
if (files.length === 0)
  fail("no file given; expected the translation(s) you brought up to date, e.g. content/results/en/2-3.mdx");

const read = (file: string) => {
  const text = readFileSync(file, "utf8");
  const parsed = parseContentFile(text, file);
  if (parsed.problem || !parsed.data) fail(`${file}: cannot read its frontmatter (${parsed.problem?.found}).`);
  return { text, data: parsed.data, body: parsed.body };
};

for (const file of files) {
  if (!existsSync(file)) fail(`${file}: no such file; expected a content file such as content/results/en/2-3.mdx.`);
  const [collection = "", locale = "", base = ""] = path.normalize(file).split(path.sep).slice(-3);
  const name = base.replace(/\.mdx?$/, "");
  if (!isLocale(locale))
    fail(`${file}: in a folder named "${locale}"; expected a locale folder (${localeCodes.join(", ")}).`);
  const translation = read(file);
  const original = from ?? (translation.data.translatedFrom as string | undefined);
  if (!original)
    fail(
      `${file}: has no translatedFrom yet; expected --from <locale of the original>, e.g. --from ${localeCodes.find((l) => l !== locale)}.`,
    );
  if (original === locale)
    fail(`${file}: --from ${original} is this file's own locale; expected the original's locale.`);
  const folder = path.join(path.dirname(path.dirname(file)), original);
  const originalFile = [".mdx", ".md"].map((ext) => path.join(folder, `${name}${ext}`)).find((f) => existsSync(f));
  if (!originalFile)
    fail(
      `${file}: no original ${path.join(folder, name)}.md(x); expected the ${collection} entry "${name}" in ${original}.`,
    );
  const source = read(originalFile);
  if (source.data.translatedFrom !== undefined)
    fail(
      `${originalFile} is itself a translation (translatedFrom: ${String(source.data.translatedFrom)}); expected the original.`,
    );
  const hash = sourceHash(source);
  writeFileSync(file, recordTranslation(translation.text, original, hash));
  console.log(`✓ ${file}: translation of ${originalFile} as it is now (sourceHash ${hash}).`);
}
