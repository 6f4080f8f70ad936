/** Reads content/<collection>/<locale>/<name>.md(x) straight from disk, so checks and tests run without building. */
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { collectionNames, fileSchemas, type CollectionName } from "../lib/collections.ts";
import { contentExtension, parseContentFile, symbolicLinkProblem } from "../lib/content-file.ts";
import { isLocale, localeCodes, type Locale } from "../lib/locales.ts";
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

/** Files no editor means as content: the system's and editors' own (.DS_Store, .git…), hidden by their leading dot. */
const isHidden = (name: string) => name.startsWith(".");
const onlyContentFiles = "only content files here, each named <name>.md or <name>.mdx";

/** Why an entry of a locale folder is not a content file to read, or undefined when it is one. */
function notAContentFile(entry: Dirent, full: string, filePath: string): Problem | undefined {
  if (entry.isSymbolicLink()) return symbolicLinkProblem(filePath, readlinkSync(full), existsSync(full));
  const named = contentExtension.test(entry.name);
  const problem = (found: string, expected: string) => ({ file: filePath, found, expected });
  if (entry.isDirectory())
    return problem(
      `a folder${named ? " named like a content file" : ""}`,
      `${onlyContentFiles}; no folders inside a locale folder`,
    );
  if (!entry.isFile()) return problem("something that is neither a file nor a folder", onlyContentFiles);
  if (named) return undefined;
  const upper = /\.(md|mdx)$/i.exec(entry.name)?.[0];
  if (upper) return problem(`the extension ${upper}`, `the extension in lower case, ${upper.toLowerCase()}`);
  return problem(
    "a file that is not a content file (.md or .mdx)",
    `${onlyContentFiles}; other files belong outside content/`,
  );
}

/** Why an entry of a collection's folder is not a locale folder, or undefined when it is one (declared or not). */
function notALocaleFolder(entry: Dirent, root: string): Problem | undefined {
  const full = path.join(root, entry.name);
  const file = path.relative(".", full);
  if (entry.isSymbolicLink())
    return {
      ...symbolicLinkProblem(file, readlinkSync(full), existsSync(full)),
      expected: "a folder per locale, itself, never a link",
    };
  if (entry.isDirectory()) return undefined;
  if (!contentExtension.test(entry.name))
    return {
      file,
      found: "a file outside any locale folder",
      expected: `only folders named after the locales (${localeCodes.join(", ")}) in ${path.relative(".", root)}/`,
    };
  const name = entry.name.replace(contentExtension, "");
  return {
    file,
    found: "a content file outside any locale folder",
    expected: `the file in a locale folder, such as ${path.relative(".", path.join(root, localeCodes[0]!, entry.name))}, and its translations beside it (${localeCodes.map((l) => `${l}/${name}`).join(", ")})`,
  };
}

/** A content file's bytes read and parsed, or why they cannot be read. */
function readContentFile(full: string, filePath: string): ReturnType<typeof parseContentFile> {
  try {
    return parseContentFile(readFileSync(full), filePath);
  } catch (error) {
    return {
      rawData: "",
      body: "",
      bodyLine: 1,
      fieldLines: {},
      problem: {
        file: filePath,
        found: `a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        expected: "a file the current user may read",
      },
    };
  }
}

/**
 * Every content file of every collection under a content folder, with the problems found reading them. Only
 * `<collection>/<locale>/<name>.md(x)` is read, as Astro's loader reads it: anything else there would silently never
 * be published, and is reported instead; links are never followed.
 */
export function readContentFiles(contentDir: string): { files: ContentFile[]; problems: Problem[] } {
  const files: ContentFile[] = [];
  const problems: Problem[] = [];
  const entries = (folder: string) =>
    readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !isHidden(entry.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  const isFolder = (folder: string) => statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;

  if (!isFolder(contentDir))
    return {
      files,
      problems: [{ file: path.relative(".", contentDir), found: "no such folder", expected: "the content folder" }],
    };
  // Only collection folders at the top (a README may explain them).
  for (const entry of entries(contentDir)) {
    const isCollection = entry.isDirectory() && (collectionNames as readonly string[]).includes(entry.name);
    if (isCollection || (entry.isFile() && entry.name.toLowerCase() === "readme.md")) continue;
    const full = path.join(contentDir, entry.name);
    problems.push({
      file: path.relative(".", full),
      found: entry.isSymbolicLink()
        ? symbolicLinkProblem("", readlinkSync(full), existsSync(full)).found
        : `a ${entry.isDirectory() ? "folder" : "file"} outside the collections`,
      expected: `content files only under ${collectionNames.map((c) => `${c}/`).join(", ")}, in a folder per locale (${localeCodes.join(", ")})`,
    });
  }
  for (const collection of collectionNames) {
    const root = path.join(contentDir, collection);
    if (!isFolder(root)) {
      problems.push({ file: path.relative(".", root), found: "no such folder", expected: "one folder per locale" });
      continue;
    }
    for (const localeEntry of entries(root)) {
      const misplaced = notALocaleFolder(localeEntry, root);
      if (misplaced) {
        problems.push(misplaced);
        continue;
      }
      const locale = localeEntry.name;
      for (const entry of entries(path.join(root, locale))) {
        const full = path.join(root, locale, entry.name);
        const filePath = path.relative(".", full);
        const notContent = notAContentFile(entry, full, filePath);
        if (notContent) {
          problems.push(notContent);
          continue;
        }
        const parsed = readContentFile(full, filePath);
        if (parsed.problem) problems.push(parsed.problem);
        const name = entry.name.replace(contentExtension, "");
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

/**
 * A frontmatter value as a message shows it: text and numbers as written (long text cut), lists and groups of fields by
 * their size, never expanded, since YAML aliases can make a few lines of frontmatter into billions of items.
 */
export function shownValue(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value !== null && typeof value === "object" && !(value instanceof Date))
    return `a group of ${Object.keys(value).length} field(s)`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 78)}…"` : text;
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
      found: value === undefined ? "nothing (the field is missing)" : shownValue(value),
      expected: issue.message.replace(/^Invalid input: /, "").replace(/^expected /, ""),
    };
  });
}

/** "path:line" of a top-level frontmatter field, or the path alone when the field is not written. */
export function fieldAt(file: Pick<ContentFile, "filePath" | "fieldLines">, field: string | undefined): string {
  const line = field === undefined ? undefined : file.fieldLines[field];
  return line ? `${file.filePath}:${line}` : file.filePath;
}
