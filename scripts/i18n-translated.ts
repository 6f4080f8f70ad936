/**
 * Records that translations are up to date with their original: writes translatedFrom and the original's current
 * sourceHash into each file's frontmatter (editor/translations.ts).
 * Usage: npm run i18n:translated -- <file>... [--from <locale>]
 */
import { writeFileSync } from "node:fs";
import { stampTranslation, TranslationRequestError } from "../editor/translations.ts";
import { readArgs, stop } from "./cli.ts";

const command = "i18n:translated";
const { values, positionals: files } = readArgs(
  command,
  "npm run i18n:translated -- <file>... [--from <locale>]",
  { from: { type: "string" } },
  { positionals: true },
);
if (files.length === 0)
  stop(command, "no file given; expected the translation(s) you brought up to date, e.g. content/results/en/2-3.mdx");
// Every file is checked before any is written, so a mistake in the list leaves all of them as they were.
let stamped: { file: string; text: string; originalFile: string; hash: string }[];
try {
  stamped = files.map((file) => ({ file, ...stampTranslation(file, values.from) }));
} catch (error) {
  if (!(error instanceof TranslationRequestError)) throw error;
  stop(command, error.message);
}
for (const { file, text, originalFile, hash } of stamped) {
  writeFileSync(file, text);
  console.log(`✓ ${file}: translation of ${originalFile} as it is now (sourceHash ${hash}).`);
}
