/** The text of a Markdown or MDX body as a reader sees it, for descriptions, open data and search. */
import { markdownToMdast, mdxToMdast } from "satteri";
import { editorComponents, isEditorComponent } from "./editor-components.ts";

/** How a body is written: content files in .md are Markdown, .mdx files MDX (components and expressions). */
export type BodySyntax = "md" | "mdx";

/** The syntax of a content file's body, from its extension. */
export function bodySyntax(filePath: string | undefined): BodySyntax {
  return filePath?.endsWith(".md") ? "md" : "mdx";
}

/** The mdast fields plain text reads; satteri's own types are a union too wide to narrow cheaply. */
interface TextNode {
  type: string;
  value?: string;
  children?: TextNode[];
  /** An MDX component's name and attributes; a {…} value is an object holding its source. */
  name?: string | null;
  attributes?: { name?: string; value?: string | { value?: string } | null }[];
}

// Nodes that are never read as text: frontmatter, import/export, {expressions}, link definitions, footnotes.
const silent = new Set([
  "yaml",
  "toml",
  "mdxjsEsm",
  "mdxFlowExpression",
  "mdxTextExpression",
  "definition",
  "footnoteDefinition",
  "footnoteReference",
  "image",
  "imageReference",
  "thematicBreak",
]);
const phrasing = new Set([
  "text",
  "emphasis",
  "strong",
  "delete",
  "inlineCode",
  "link",
  "linkReference",
  "break",
  "html",
  "mdxJsxTextElement",
  ...silent,
]);

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Text of raw HTML written in Markdown: tags dropped, the common entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith("#")
        ? String.fromCodePoint(Number(name[1] === "x" || name[1] === "X" ? `0${name.slice(1)}` : name.slice(1)))
        : (entities[name.toLowerCase()] ?? whole),
    );
}

/** The attributes of an editors' component that read as text, e.g. a KeyFigure's value and label. */
function componentText(node: TextNode): string {
  if (!node.name || !isEditorComponent(node.name)) return "";
  return editorComponents[node.name].textProps
    .map((prop) => node.attributes?.find((a) => a.name === prop)?.value)
    .map((value) => (typeof value === "object" ? value?.value : value) ?? "")
    .filter(Boolean)
    .join(" ");
}

function inline(node: TextNode): string {
  if (silent.has(node.type)) return "";
  if (node.type === "html") return htmlText(node.value ?? "");
  if (node.type === "break") return " ";
  const own = componentText(node);
  const children = node.children?.map(inline).join("") ?? node.value ?? "";
  return own && children ? `${own} ${children}` : own || children;
}

/** Blocks of text in reading order: a paragraph, heading, list item's paragraph or code block each make one. */
function blocks(node: TextNode): string[] {
  if (silent.has(node.type)) return [];
  const children = node.children ?? [];
  if (node.type === "tableRow") return [children.map(inline).join(" ")];
  if (node.type !== "root" && (children.length === 0 || children.every((child) => phrasing.has(child.type))))
    return [inline(node)];
  return [componentText(node), ...children.flatMap(blocks)];
}

/**
 * Plain text of a Markdown or MDX body as a reader sees it, parsed with the parser Astro renders with: markup,
 * import/export and {expressions} removed, a component's text kept, one blank line between paragraphs.
 */
export function plainParagraphs(source: string | undefined, syntax: BodySyntax = "mdx"): string {
  if (!source?.trim()) return "";
  const parse = syntax === "mdx" ? mdxToMdast : markdownToMdast;
  const tree = parse(source, { position: false }) as TextNode;
  return blocks(tree)
    .map((block) => block.replace(/[ \t\r\n\f]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Plain text of a body on one line, for meta descriptions. */
export function plainText(source: string | undefined, syntax: BodySyntax = "mdx"): string {
  return plainParagraphs(source, syntax).replace(/\n\n/g, " ");
}

/** Plain text of a content entry's body on one line, read as Markdown or MDX from its file's extension. */
export function entryText(entry: { body?: string; filePath?: string }): string {
  return plainText(entry.body, bodySyntax(entry.filePath));
}
