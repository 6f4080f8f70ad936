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
}

/** `file:line:column, field "…": found …; expected ….` */
export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${problem.file}, field "${problem.field}"` : problem.file;
  return `${where}: found ${problem.found}; expected ${problem.expected}.`;
}
