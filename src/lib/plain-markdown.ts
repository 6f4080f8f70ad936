/**
 * Whether an MDX body uses nothing that MDX reads differently from Markdown, so it can be rendered as Markdown when
 * loaded instead of being compiled into a module, which costs a big strategy far more time and memory (BENCHMARKS.md).
 */

// MDX adds JSX and HTML (<…>), expressions ({…}) and import/export lines, and drops autolinks (<https://…>),
// HTML comments and indented code: a body with any of these goes to the MDX compiler, a body with none reads alike.
const mdxSyntax = [/[<{}]/, /^(?:import|export)\b/m, /^(?: {4}|\t)/m];

export function isPlainMarkdown(body: string): boolean {
  return !mdxSyntax.some((pattern) => pattern.test(body));
}
