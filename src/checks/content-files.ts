/** Reads content/<collection>/<locale>/<name>.md(x) straight from disk, so checks and tests run without building. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { collectionNames, fileSchemas, type CollectionName } from "../lib/collections.ts";
import { contentExtension, parseContentFile } from "../lib/content-file.ts";
import { isLocale, type Locale } from "../lib/locales.ts";
import type { Problem } from "../lib/problem.ts";

export interface ContentFile {
  collection: CollectionName;
  locale: string;
  /** File name without extension: the identity shared by all translations. */
  name: string;
  /** "<locale>/<name>", as Astro's loader names the entry. */
  id: string;
  /** Path relative to the current directory, for messages. */
  filePath: string;
  /** Frontmatter as written, before validation. */
  data: Record<string, unknown>;
  body: string;
  /** Line in the file where the body starts (1-based). */
  bodyLine: number;
  /** True when the frontmatter could not be read at all (its problem is reported instead of the schema's). */
  unreadable?: boolean;
  /** Line of each top-level frontmatter field, for messages. */
  fieldLines: Record<string, number>;
}

/** A file in a declared locale's folder. */
export type LocalizedFile = ContentFile & { locale: Locale };

export function inDeclaredLocale(file: ContentFile): file is LocalizedFile {
  return isLocale(file.locale);
}

/** Every content file of every collection under a content folder, with the problems found reading them. */
export function readContentFiles(contentDir: string): { files: ContentFile[]; problems: Problem[] } {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  for (const collection of collectionNames) {
    const root = path.join(contentDir, collection);
    let locales: string[];
    try {
      locales = readdirSync(root).filter((entry) => statSync(path.join(root, entry)).isDirectory());
    } catch {
      problems.push({ file: path.relative(".", root), found: "no such folder", expected: "one folder per locale" });
      continue;
    }
    for (const locale of locales) {
      for (const file of readdirSync(path.join(root, locale))
        .filter((f) => contentExtension.test(f))
        .sort()) {
        const filePath = path.relative(".", path.join(root, locale, file));
        const parsed = parseContentFile(readFileSync(path.join(root, locale, file), "utf8"), filePath);
        if (parsed.problem) problems.push(parsed.problem);
        const name = file.replace(contentExtension, "");
        files.push({
          collection,
          locale,
          name,
          id: `${locale}/${name}`,
          filePath,
          data: parsed.data ?? {},
          body: parsed.body,
          bodyLine: parsed.bodyLine,
          fieldLines: parsed.fieldLines,
          ...(parsed.problem ? { unreadable: true } : {}),
        });
      }
    }
  }
  return { files, problems };
}

/** Frontmatter checked against its collection's schema; each problem names the field, what was found and what is expected. */
export function schemaProblems(file: ContentFile): Problem[] {
  const result = fileSchemas[file.collection].safeParse(file.data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.path.join(".");
    const value = issue.path.reduce<unknown>(
      (v, key) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined),
      file.data,
    );
    if (issue.code === "unrecognized_keys")
      return {
        file: fieldAt(file, issue.keys[0]),
        field: issue.keys.join(", "),
        found: "a field this collection does not have",
        expected: `only the fields ${Object.keys(fileSchemas[file.collection].shape).join(", ")}`,
      };
    return {
      file: fieldAt(file, String(issue.path[0] ?? "")),
      field,
      found: value === undefined ? "nothing (the field is missing)" : JSON.stringify(value),
      expected: issue.message.replace(/^Invalid input: /, "").replace(/^expected /, ""),
    };
  });
}

/** "path:line" of a top-level frontmatter field, or the path alone when the field is not written. */
export function fieldAt(file: Pick<ContentFile, "filePath" | "fieldLines">, field: string | undefined): string {
  const line = field === undefined ? undefined : file.fieldLines[field];
  return line ? `${file.filePath}:${line}` : file.filePath;
}
