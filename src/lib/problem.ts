/** What every check reports, in content files or in built files alike, and the one way it is printed. */

export interface Problem {
  /** File to open, relative to the repository, with :line or :line:column when known. */
  file: string;
  /** Frontmatter field at fault, when there is one. */
  field?: string;
  /** What the check found, said so that the reader can spot it. */
  found: string;
  /** What it expected instead: what to write or do. */
  expected: string;
  /** The line at fault as written, with the column to mark, when one character is the culprit. */
  excerpt?: Excerpt;
}

export interface Excerpt {
  /** 1-based line number in the file. */
  line: number;
  /** The line, unseen characters already made visible (src/lib/characters.ts visibleLine). */
  text: string;
  /** 1-based column in `text` to mark. */
  column: number;
}

/**
 * `file:line:column, field "…": found …; expected ….`, then the line quoted and the spot marked when there is an
 * excerpt:
 *     3 | objective: 1[U+200B]
 *       |             ^
 */
export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${problem.file}, field "${problem.field}"` : problem.file;
  const message = `${where}: found ${problem.found}; expected ${problem.expected}.`;
  if (!problem.excerpt) return message;
  return `${message}\n${formatExcerpt(problem.excerpt, "    ")}`;
}

/** The line quoted after its number, and a `^` under the column: two lines, each led by `indent`. */
export function formatExcerpt({ line, text, column }: Excerpt, indent = ""): string {
  const gutter = " ".repeat(String(line).length);
  return `${indent}${line} | ${text}\n${indent}${gutter} | ${" ".repeat(Math.max(0, column - 1))}^`;
}
