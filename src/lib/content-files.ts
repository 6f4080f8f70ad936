/** Reads content/<collection>/<locale>/<name>.md(x) straight from disk, so checks and tests run without building. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { collectionNames, fileSchemas, type CollectionName } from "./collections.ts";
import type { ContentProblem } from "./integrity.ts";

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

const contentExtension = /\.(md|mdx)$/;

/** Splits a file into frontmatter and body; a problem names the line when the YAML is broken. */
export function parseContentFile(
  source: string,
  filePath: string,
): {
  data?: Record<string, unknown>;
  body: string;
  bodyLine: number;
  fieldLines: Record<string, number>;
  problem?: ContentProblem;
} {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match)
    return {
      body: source,
      bodyLine: 1,
      fieldLines: {},
      problem: {
        file: filePath,
        found: "no frontmatter",
        expected: "the file to start with a line ---, the fields, and a closing line ---",
      },
    };
  const bodyLine = match[0].split("\n").length;
  const body = source.slice(match[0].length);
  const fieldLines: Record<string, number> = {};
  (match[1] ?? "").split("\n").forEach((line, index) => {
    const field = /^([A-Za-z_$][\w$-]*)\s*:/.exec(line)?.[1];
    if (field) fieldLines[field] ??= index + 2;
  });
  try {
    const data = yaml.load(match[1] ?? "") ?? {};
    if (typeof data !== "object" || Array.isArray(data))
      return {
        body,
        bodyLine,
        fieldLines,
        problem: {
          file: filePath,
          found: "frontmatter that is not a list of fields",
          expected: "lines such as order: 2",
        },
      };
    return { data: data as Record<string, unknown>, body, bodyLine, fieldLines };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    const where = mark ? `:${mark.line + 2}:${mark.column + 1}` : "";
    return {
      body,
      bodyLine,
      fieldLines,
      problem: { file: `${filePath}${where}`, found: `invalid YAML (${reason})`, expected: "valid YAML frontmatter" },
    };
  }
}

/** Every content file of every collection under a content folder, with the problems found reading them. */
export function readContentFiles(contentDir: string): { files: ContentFile[]; problems: ContentProblem[] } {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
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
export function schemaProblems(file: ContentFile): ContentProblem[] {
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
