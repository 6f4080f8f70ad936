/**
 * What a content file is: YAML frontmatter between two --- lines, then a Markdown or MDX body. The one reader of that
 * format, for Astro's loader (src/astro/localized-glob.ts) and for the checks and editors' tools alike.
 */
import yaml from "js-yaml";
import type { Problem } from "./problem.ts";

/** The extensions of content files. */
export const contentExtension = /\.(md|mdx)$/;

/** Splits a file into frontmatter and body; a problem names the line when the YAML is broken. */
export function parseContentFile(
  source: string,
  filePath: string,
): {
  data?: Record<string, unknown>;
  /** The frontmatter's YAML as written. */
  rawData: string;
  body: string;
  bodyLine: number;
  fieldLines: Record<string, number>;
  problem?: Problem;
} {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) {
    // Opened but never closed: the fields run into the text, and the editor needs to know where to close them.
    const opened = /^---[ \t]*\r?\n/.test(source);
    const lines = source.split(/\r?\n/);
    // The fields are the lines after --- that look like fields (or continue one, indented), up to the first other.
    let lastField = 0;
    while (opened && /^(?:[A-Za-z_$][\w$-]*\s*:|[ \t]+\S)/.test(lines[lastField + 1] ?? "")) lastField++;
    return {
      rawData: "",
      body: source,
      bodyLine: 1,
      fieldLines: {},
      problem: opened
        ? {
            file: `${filePath}:${lastField + 1}`,
            found: "a frontmatter opened by --- and never closed",
            expected: `a line --- after the last field (line ${lastField + 1}), then a blank line and the text`,
          }
        : {
            file: filePath,
            found: "no frontmatter",
            expected: "the file to start with a line ---, the fields, and a closing line ---",
          },
    };
  }
  const bodyLine = match[0].split("\n").length;
  const rawData = match[1] ?? "";
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
        rawData,
        body,
        bodyLine,
        fieldLines,
        problem: {
          file: filePath,
          found: "frontmatter that is not a list of fields",
          expected: "lines such as order: 2",
        },
      };
    return { data: data as Record<string, unknown>, rawData, body, bodyLine, fieldLines };
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    const where = mark ? `:${mark.line + 2}:${mark.column + 1}` : "";
    return {
      rawData,
      body,
      bodyLine,
      fieldLines,
      problem: { file: `${filePath}${where}`, found: `invalid YAML (${reason})`, expected: "valid YAML frontmatter" },
    };
  }
}
