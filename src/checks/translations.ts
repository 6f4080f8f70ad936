/**
 * Translation status from the files alone, so it holds on a fresh clone: a translation names the locale it was
 * translated from (translatedFrom) and a hash of that original's text when it was last translated (sourceHash).
 * The entry without translatedFrom is the original; when its text changes, the recorded hash no longer matches.
 */
import { createHash } from "node:crypto";
import { hasPlaceholder } from "./body-checks.ts";
import type { Problem } from "../lib/problem.ts";

/** The part of a content file this module reads. */
export interface TranslatableFile {
  collection: string;
  name: string;
  locale: string;
  filePath: string;
  data: Record<string, unknown>;
  body: string;
}

/** Frontmatter fields that are about the file, not its text: they never make a translation outdated. */
const metaFields = new Set(["editorialNote", "translatedFrom", "sourceHash"]);

export type TranslationState = "original" | "translated" | "outdated" | "to write" | "missing" | "untracked";

export interface StatusRow<F extends TranslatableFile = TranslatableFile> {
  /** e.g. "results/2-3". */
  entry: string;
  cells: Record<string, { state: TranslationState; file?: F; original?: F }>;
}

/** What a file's translatable text is read from: its frontmatter and its body. */
type FileText = Pick<TranslatableFile, "data" | "body">;

/** The translatable text of a file: every string in its frontmatter (meta fields aside) and its body, normalized. */
function translatableText(file: FileText) {
  const strings: [string, string][] = [];
  const collect = (value: unknown, path: string) => {
    if (typeof value === "string") strings.push([path, value.trim()]);
    else if (value && typeof value === "object")
      for (const key of Object.keys(value).sort()) collect((value as Record<string, unknown>)[key], `${path}.${key}`);
  };
  for (const key of Object.keys(file.data).sort()) if (!metaFields.has(key)) collect(file.data[key], key);
  const body = file.body
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
  return JSON.stringify({ strings, body });
}

/** 12 hex digits identifying the text of an original: what a translation records in sourceHash. */
export function sourceHash(file: FileText): string {
  return createHash("sha256").update(translatableText(file)).digest("hex").slice(0, 12);
}

const isOriginal = (file: TranslatableFile) => file.data.translatedFrom === undefined;

function groups<F extends TranslatableFile>(files: F[]): Map<string, F[]> {
  const byEntry = new Map<string, F[]>();
  for (const file of files) {
    const key = `${file.collection}/${file.name}`;
    byEntry.set(key, [...(byEntry.get(key) ?? []), file]);
  }
  return byEntry;
}

const recordCommand = (file: TranslatableFile, from?: string) =>
  `npm run i18n:translated -- ${file.filePath}${from ? ` --from ${from}` : ""}`;

/** Every entry × locale, in the order of the files. */
export function translationStatus<F extends TranslatableFile>(files: F[], locales: readonly string[]): StatusRow<F>[] {
  return [...groups(files)].map(([entry, group]) => {
    const cells: StatusRow<F>["cells"] = {};
    for (const locale of locales) {
      const file = group.find((f) => f.locale === locale);
      if (!file) {
        cells[locale] = { state: "missing" };
        continue;
      }
      const placeholder =
        hasPlaceholder(file.body) || Object.values(file.data).some((v) => typeof v === "string" && hasPlaceholder(v));
      if (isOriginal(file)) {
        const untracked = group.filter(isOriginal).length > 1;
        cells[locale] = { state: placeholder ? "to write" : untracked ? "untracked" : "original", file };
        continue;
      }
      const original = group.find((f) => f.locale === file.data.translatedFrom);
      const upToDate = original !== undefined && file.data.sourceHash === sourceHash(original);
      cells[locale] = { state: placeholder ? "to write" : upToDate ? "translated" : "outdated", file, original };
    }
    return { entry, cells };
  });
}

/** Mistakes in the translation fields themselves: they would make the status wrong, so they stop the build. */
export function translationProblems(files: TranslatableFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const group of groups(files).values()) {
    const originals = group.filter(isOriginal);
    for (const file of group) {
      const { translatedFrom, sourceHash: hash } = file.data;
      if (translatedFrom === undefined) {
        if (hash !== undefined)
          problems.push({
            file: file.filePath,
            field: "translatedFrom",
            found: "nothing, while sourceHash is set",
            expected: `the locale this file was translated from, recorded with ${recordCommand(file, "<locale>")}`,
          });
        continue;
      }
      const original = group.find((f) => f.locale === translatedFrom);
      if (translatedFrom === file.locale)
        problems.push({
          file: file.filePath,
          field: "translatedFrom",
          found: `${String(translatedFrom)}, this file's own locale`,
          expected: "the locale of the original this file was translated from, or no translatedFrom in the original",
        });
      else if (original && !isOriginal(original))
        problems.push({
          file: file.filePath,
          field: "translatedFrom",
          found: `${String(translatedFrom)}, whose file ${original.filePath} is itself a translation`,
          expected: `the locale of the original${originals[0] ? ` (${originals[0].locale})` : ""}`,
        });
      if (hash === undefined)
        problems.push({
          file: file.filePath,
          field: "sourceHash",
          found: "nothing (the field is missing)",
          expected: `the hash of the original's text, recorded with ${recordCommand(file)}`,
        });
    }
    if (group.length > 1 && originals.length === 0)
      problems.push({
        file: group[0]!.filePath,
        field: "translatedFrom",
        found: `a translation in every locale (${group.map((f) => f.locale).join(", ")}), so no original`,
        expected: "one file without translatedFrom: the original the others are translated from",
      });
  }
  return problems;
}

/** Entries whose translations do not say so: a warning, since their status cannot be told (generated strategies). */
export function untrackedTranslations(files: TranslatableFile[]): Problem[] {
  return [...groups(files).values()]
    .filter((group) => group.filter(isOriginal).length > 1)
    .map((group) => {
      const originals = group.filter(isOriginal);
      return {
        file: originals[1]!.filePath,
        field: "translatedFrom",
        found: `no translatedFrom in ${originals.map((f) => f.filePath).join(" nor in ")}, so each claims to be the original`,
        expected: `translatedFrom and sourceHash in each translation, recorded with npm run i18n:translated -- <translation> --from <locale of the original>`,
      };
    });
}

/** Outdated translations, as warnings: publishing a corrected original must not wait for its translation. */
export function outdatedTranslations(rows: StatusRow[]): Problem[] {
  return rows.flatMap((row) =>
    Object.values(row.cells)
      .filter((cell) => cell.state === "outdated" && cell.file)
      .map((cell) => ({
        file: cell.file!.filePath,
        field: "sourceHash",
        found: `a translation of an earlier version of ${cell.original?.filePath ?? "its original"}`,
        expected: `the translation brought up to date, then recorded with ${recordCommand(cell.file!)}`,
      })),
  );
}
