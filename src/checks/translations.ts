/**
 * Translation status from the files alone, so it holds on a fresh clone: a translation names the locale it was
 * translated from (translatedFrom) and a hash of that original's text when it was last translated (sourceHash).
 * The entry without translatedFrom is the original; when its text changes, the recorded hash no longer matches.
 */
import { createHash } from "node:crypto";
import type { Problem } from "../lib/problem.ts";
import {
  fileState,
  sourceHashLength,
  translatableText,
  type FileText,
  type TranslationState,
} from "../lib/translation-text.ts";

export type { TranslationState };

/** The part of a content file this module reads. */
export interface TranslatableFile {
  collection: string;
  name: string;
  locale: string;
  filePath: string;
  data: Record<string, unknown>;
  body: string;
}

export interface StatusRow<F extends TranslatableFile = TranslatableFile> {
  /** e.g. "results/2-3". */
  entry: string;
  cells: Record<string, { state: TranslationState; file?: F; original?: F }>;
}

/** 12 hex digits identifying the text of an original: what a translation records in sourceHash. */
export function sourceHash(file: FileText): string {
  // The CMS computes the same digits in the browser (editor/cms/translation-state.ts); a test compares the two.
  return createHash("sha256").update(translatableText(file)).digest("hex").slice(0, sourceHashLength);
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
      const original = isOriginal(file) ? undefined : group.find((f) => f.locale === file.data.translatedFrom);
      const untracked = isOriginal(file) && group.filter(isOriginal).length > 1;
      const state = fileState(file, original && sourceHash(original), untracked);
      cells[locale] = isOriginal(file) ? { state, file } : { state, file, original };
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
