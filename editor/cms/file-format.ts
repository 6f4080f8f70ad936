/**
 * The CMS's file format (CMS.registerCustomFormat): content files read with the project's own reader and written back
 * by its writer, so that an entry saved without change keeps every byte. A file that the writer would not give back
 * as it is (YAML comments, single quotes, unusual spacing…) is read with a note of its first differing line; the
 * admin then shows it read-only and refuses to save it (editor/cms/widgets.ts).
 */
import { parseContentFile } from "../../src/lib/content-file.ts";
import {
  firstDifference,
  frontmatterLayout,
  writeContentFile,
  type FrontmatterLayout,
} from "../../src/lib/content-file-writer.ts";
import { fileField } from "./names.ts";

/** What the CMS-only field holds about a file: its layout, and why it cannot be saved here, if so. */
export interface FileRecord extends FrontmatterLayout {
  problem?: { line: number; before: string; after: string };
}

/** The entry's fields without the CMS-only one, which is never written nor hashed. */
export function withoutRecord(values: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...values };
  delete copy[fileField];
  return copy;
}

/** The record of a file as read, kept in the entry's CMS-only field. */
export function fileRecord(entry: Record<string, unknown>): FileRecord | undefined {
  const value = entry[fileField];
  if (typeof value !== "string" || value === "") return undefined;
  try {
    return JSON.parse(value) as FileRecord;
  } catch {
    return undefined;
  }
}

/** A line of the body that the rich-text editor would write differently once anything in the body is edited. */
export interface BodyRewrite {
  /** 1-based, within the body. */
  line: number;
  before: string;
  after: string;
}

/**
 * What Sveltia 0.221's rich-text editor rewrites in a whole body as soon as any of it is edited, measured in Chromium
 * by typing into every kind of Markdown and MDX this site allows (README, "Editing in the browser"): each rule finds
 * a line it would change and says what it would become.
 */
const lineRules: { find: RegExp; rewrite: (line: string) => string }[] = [
  // *emphasis* becomes _emphasis_.
  {
    find: /(^|[^*\\\w])\*(?![\s*])([^*\n]*?[^\s*\\])\*(?![*\w])/,
    rewrite: (line) => line.replace(/(^|[^*\\\w])\*(?![\s*])([^*\n]*?[^\s*\\])\*(?![*\w])/g, "$1_$2_"),
  },
  // __strong__ becomes **strong**.
  {
    find: /(^|[^_\\\w])__(?![\s_])([^_\n]*?[^\s_\\])__(?![_\w])/,
    rewrite: (line) => line.replace(/(^|[^_\\\w])__(?![\s_])([^_\n]*?[^\s_\\])__(?![_\w])/g, "$1**$2**"),
  },
  // An MDX comment {/* … */} gets its stars escaped, which breaks it.
  { find: /\{\/\*/, rewrite: (line) => line.replaceAll("/*", "/\\*").replaceAll("*/", "\\*/") },
  // An escaped underscore loses its backslash.
  { find: /\\_/, rewrite: (line) => line.replaceAll("\\_", "_") },
  // A list item nested by two spaces is nested by four.
  { find: /^ {2,3}(?:[-*+]|\d+[.)]) /, rewrite: (line) => `  ${line}` },
];

/** The first line of a body that the editor would rewrite, with what it would write instead. */
export function bodyRewrite(body: string): BodyRewrite | undefined {
  const lines = body.split("\n");
  let inCallout = false;
  for (const [index, line] of lines.entries()) {
    const at = (after: string) => ({ line: index + 1, before: line, after });
    const previous = lines[index - 1];
    if (/^<Callout\b[^>]*>$/.test(line)) {
      inCallout = true;
      // The editor writes the callout's text indented by two spaces, with no blank line first or last.
      if (lines[index + 1]?.trim() === "") return { line: index + 2, before: "", after: lines[index + 2] ?? "" };
      continue;
    }
    if (inCallout && line === "</Callout>") {
      inCallout = false;
      if (previous?.trim() === "") return { line: index, before: "", after: line };
      continue;
    }
    if (inCallout && line.trim() !== "" && !/^ {2}/.test(line)) return at(`  ${line.replace(/^ ?/, "")}`);
    // Several blank lines in a row become one.
    if (line === "" && previous === "" && index > 0) return at(lines[index + 1] ?? "");
    // A --- thematic break becomes ***.
    if (/^ {0,3}-(?:[ \t]*-){2,}[ \t]*$/.test(line) && (previous === undefined || previous.trim() === ""))
      return at("***");
    for (const rule of lineRules) if (rule.find.test(line)) return at(rule.rewrite(line));
  }
  return undefined;
}

/** The body as the CMS edits it: without the blank line after --- and without trailing blank space. */
const editedBody = (body: string) => body.replace(/^\r?\n/, "").replace(/\s+$/, "");

/**
 * A file's fields and body for the CMS, with the record that lets toFile write it back unchanged. Sveltia hands
 * over the text trimmed, with line endings as \n, and writes what toFile returns trimmed with one final newline:
 * what is compared is the text between the first and last characters that are not blank.
 */
export function fromFile(text: string): Record<string, unknown> {
  const parsed = parseContentFile(text, "");
  const data = parsed.data ?? {};
  const body = editedBody(parsed.body);
  const layout = frontmatterLayout(parsed.rawData);
  const rewrite = bodyRewrite(body);
  // Lines before the body: the frontmatter, its two --- lines and the blank line after them.
  const bodyStart = text.trim().split("\n").length - body.split("\n").length;
  const problem = parsed.problem
    ? { line: 1, before: text.split("\n")[0] ?? "", after: "---" }
    : (firstDifference(text.trim(), writeContentFile(data, body, layout).trim()) ??
      (rewrite && { ...rewrite, line: bodyStart + rewrite.line }));
  const record: FileRecord = problem ? { ...layout, problem } : layout;
  return { ...data, body, [fileField]: JSON.stringify(record) };
}

/** A file's text from the CMS's fields; throws for a file read with a problem, which must never be rewritten. */
export function toFile(content: Record<string, unknown>): string {
  const { body, ...data } = withoutRecord(content);
  const record = fileRecord(content);
  if (record?.problem)
    throw new Error(
      `This file cannot be saved from the CMS without changing its line ${record.problem.line}; edit it in a text editor.`,
    );
  return writeContentFile(data, typeof body === "string" ? body : "", record);
}
