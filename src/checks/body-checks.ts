/**
 * Checks on the text below the frontmatter, read with satteri, the parser Astro builds MDX with: syntax errors,
 * unknown components, code, unsafe HTML and URLs, links to missing pages, empty text and scaffolding placeholders.
 */
import { parse as parseHtml } from "node-html-parser";
import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";
import type { CollectionName } from "../lib/collections.ts";
import type { ContentFile } from "./content-files.ts";
import {
  allowedElements,
  editorComponents,
  forbiddenElements,
  isEditorComponent,
  urlAttributes,
} from "../lib/editor-components.ts";
import type { Problem } from "../lib/problem.ts";
import { hasPlaceholder, placeholderLine } from "../lib/translation-text.ts";
import { linkProblem, type LinkTargets } from "./link-targets.ts";

/** Collections whose body is the published text; capabilities publish their name only. */
export const bodyRequired: Record<CollectionName, boolean> = {
  strategy: true,
  objectives: true,
  results: true,
  capabilities: false,
};

export { hasPlaceholder };

const componentList = Object.keys(editorComponents).join(", ");
const whatMayBeUsed = `Markdown, or the components ${componentList}`;

interface Point {
  line: number;
  column: number;
}
type Node = MdastNode & {
  position?: { start: Point };
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: Attribute[];
  children?: Node[];
};
type Attribute = { type: string; name?: string; value?: unknown };

/** Problems in one file's body; positions are lines and columns in the file, frontmatter included. */
export function bodyProblems(file: ContentFile, targets: LinkTargets): Problem[] {
  const at = (point: Point | undefined) =>
    point ? `${file.filePath}:${point.line + file.bodyLine - 1}:${point.column}` : file.filePath;
  const problems: Problem[] = [];
  const text = file.body.replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, "").trim();

  if (bodyRequired[file.collection] && text === "")
    return [
      {
        file: `${file.filePath}:${file.bodyLine}`,
        found: "no text below the frontmatter",
        expected: `the published text of this entry after the closing --- line`,
      },
    ];
  if (!bodyRequired[file.collection] && text !== "")
    problems.push({
      file: at({ line: 1, column: 1 }),
      found: "text below the frontmatter, which is never published for this collection",
      expected: "nothing after the closing --- line (a capability has a name only)",
    });

  const placeholder = placeholderLine.exec(file.body);
  if (placeholder) {
    const line = file.body.slice(0, placeholder.index).split("\n").length;
    problems.push({
      file: at({ line, column: 1 }),
      found: "the placeholder left by npm run new",
      expected: "the text itself, written in place of the TODO line",
    });
  }

  let tree: Node;
  try {
    tree = (file.filePath.endsWith(".mdx") ? mdxToMdast(file.body) : markdownToMdast(file.body)) as Node;
  } catch (error) {
    problems.push(syntaxProblem(file, String((error as Error).message ?? error)));
    return problems;
  }
  // Links are checked from the file's locale: they must stay within its pages and anchors.
  const fromHere = { ...targets, fromLocale: file.locale };
  walk(tree, (node) => problems.push(...nodeProblems(node, at, fromHere)));
  return problems;
}

function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** satteri reports "3:7: reason (rule)" relative to the body; shift lines to the file. */
function syntaxProblem(file: ContentFile, message: string): Problem {
  const shift = (line: string) => String(Number(line) + file.bodyLine - 1);
  const match = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/.exec(message.trim());
  const reason = (match?.[3] ?? message).replace(
    /\((\d+):(\d+)\)/g,
    (_, l: string, c: string) => `(line ${shift(l)}, column ${c})`,
  );
  return {
    file: match ? `${file.filePath}:${shift(match[1]!)}:${match[2]}` : file.filePath,
    found: `text that is not valid MDX: ${reason}`,
    expected:
      "valid MDX: close every tag you open (<Callout>…</Callout>), write a literal { or < as \\{ or \\<, and comments as {/* … */}",
  };
}

function nodeProblems(node: Node, at: (p: Point | undefined) => string, targets: LinkTargets): Problem[] {
  const where = at(node.position?.start);
  switch (node.type) {
    case "mdxjsEsm": {
      const keyword = String(node.value).trimStart().startsWith("export") ? "export" : "import";
      return [
        {
          file: where,
          found: `an ${keyword} statement (${firstLine(node.value)})`,
          expected: `no import or export in content: ${whatMayBeUsed} are available without import`,
        },
      ];
    }
    case "mdxFlowExpression":
    case "mdxTextExpression":
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(String(node.value))) return [];
      return [
        {
          file: where,
          found: `a JavaScript expression {${firstLine(node.value)}}`,
          expected: "plain text (write a literal brace as \\{), or a comment written {/* … */}",
        },
      ];
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement":
      return elementProblems(node.name ?? "", node.attributes ?? [], where, targets, "jsx");
    case "html":
      return rawHtmlProblems(String(node.value), where, targets);
    case "link":
    case "image":
    case "definition": {
      const problem = linkProblem(node.url ?? "", targets);
      return problem ? [{ file: where, ...problem }] : [];
    }
    default:
      return [];
  }
}

function elementProblems(
  name: string,
  attributes: Attribute[],
  where: string,
  targets: LinkTargets,
  syntax: "jsx" | "html",
): Problem[] {
  if (name === "") return [];
  const forbidden = forbiddenElementProblem(name, where);
  if (forbidden) return [forbidden];
  return [
    ...elementNameProblems(name, where, syntax),
    ...attributes.flatMap((attribute) => attributeProblems(name, attribute, where, targets)),
    ...componentPropProblems(name, attributes, where),
  ];
}

/** Elements that run code or load content from elsewhere: nothing else about them matters. */
function forbiddenElementProblem(name: string, where: string): Problem | undefined {
  const lower = name.toLowerCase();
  if (!forbiddenElements.has(lower)) return undefined;
  return {
    file: where,
    found: `${/^[aeiou]/.test(lower) ? "an" : "a"} <${lower}> element, which could run code or load content from elsewhere`,
    expected: `text and ${whatMayBeUsed}; no <script>, <iframe>, <object>, <embed> or <style>`,
  };
}

/** A component must exist (and be in an .mdx file); an HTML element must be on the short list content may use. */
function elementNameProblems(name: string, where: string, syntax: "jsx" | "html"): Problem[] {
  const lower = name.toLowerCase();
  if (/^[A-Z]/.test(name) || name.includes(".")) {
    if (syntax === "html")
      return [
        {
          file: where,
          found: `a component <${name}> in a Markdown (.md) file, where it would show as raw text`,
          expected: "the file renamed to .mdx, where components work",
        },
      ];
    if (!isEditorComponent(name))
      return [
        {
          file: where,
          found: `a component <${name}> that does not exist`,
          expected: `one of the components ${componentList} (names are case-sensitive)`,
        },
      ];
    return [];
  }
  if (allowedElements.has(lower)) return [];
  return [
    {
      file: where,
      found: `an HTML element <${lower}> that content may not use`,
      expected: `${whatMayBeUsed}, or simple HTML such as <abbr>, <sup> or <span lang="en">`,
    },
  ];
}

/** No code, no inline style, no JavaScript values; URLs must lead to pages the site builds or to safe schemes. */
function attributeProblems(name: string, attribute: Attribute, where: string, targets: LinkTargets): Problem[] {
  if (attribute.type !== "mdxJsxAttribute")
    return [
      {
        file: where,
        found: `a spread of JavaScript values {${firstLine(attribute.value)}} on <${name}>`,
        expected: 'attributes written name="value"',
      },
    ];
  const attr = attribute.name ?? "";
  const value = attribute.value;
  if (/^on/i.test(attr))
    return [
      {
        file: where,
        found: `an ${attr}= attribute on <${name}>, which runs code in the reader's browser`,
        expected: "no on…= attribute: pages run no JavaScript",
      },
    ];
  if (attr.toLowerCase() === "style")
    return [
      {
        file: where,
        found: `a style= attribute on <${name}>, which the site's security policy blocks`,
        expected: `no style attribute: use ${componentList} or Markdown emphasis`,
      },
    ];
  if (value && typeof value === "object") {
    const expression = String((value as { value?: unknown }).value ?? "");
    if (/^\s*(-?\d+(\.\d+)?|true|false|"[^"]*"|'[^']*')\s*$/.test(expression)) return [];
    return [
      {
        file: where,
        found: `a JavaScript expression ${attr}={${firstLine(expression)}} on <${name}>`,
        expected: `a plain value written ${attr}="…"`,
      },
    ];
  }
  if (typeof value !== "string" || !/^[a-z]/.test(name) || !urlAttributes.has(attr.toLowerCase())) return [];
  const urls = attr.toLowerCase() === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0]!) : [value];
  return urls.flatMap((url) => {
    const problem = linkProblem(url, targets);
    return problem ? [{ file: where, ...problem }] : [];
  });
}

/** An editors' component takes its required attributes, and only those it declares. */
function componentPropProblems(name: string, attributes: Attribute[], where: string): Problem[] {
  if (!isEditorComponent(name)) return [];
  const spec = editorComponents[name];
  const given = new Set(attributes.map((a) => a.name ?? ""));
  const problems: Problem[] = [];
  for (const [prop, required] of Object.entries(spec.props))
    if (required && !given.has(prop))
      problems.push({
        file: where,
        found: `<${name}> without its ${prop}="…" attribute`,
        expected: `${name} written like ${spec.usage}`,
      });
  for (const prop of given)
    if (prop && !Object.hasOwn(spec.props, prop))
      problems.push({
        file: where,
        found: `an attribute ${prop}= that <${name}> does not take`,
        expected: `only ${Object.keys(spec.props).join(", ")}`,
      });
  return problems;
}

/** Raw HTML in a .md file (MDX reads HTML as JSX instead): the same rules as components and elements. */
function rawHtmlProblems(html: string, where: string, targets: LinkTargets): Problem[] {
  const root = parseHtml(html, { comment: false, blockTextElements: { script: true, style: true } });
  return root.querySelectorAll("*").flatMap((element) =>
    elementProblems(
      element.rawTagName,
      Object.entries(element.attributes).map(([name, value]) => ({ type: "mdxJsxAttribute", name, value })),
      where,
      targets,
      "html",
    ),
  );
}

function firstLine(value: unknown): string {
  const line =
    String(value ?? "")
      .trim()
      .split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
