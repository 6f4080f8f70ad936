/** Text derived from content for titles and figures; pure so both locales format alike. */
import { markdownToMdast, mdxToMdast } from "satteri";
import { editorComponents, isEditorComponent } from "./editor-components.ts";
import type { Locale } from "./locales.ts";

export interface StrategyTitleData {
  organization: string;
  title: string;
  subtitle: string;
  period: { start: number; end: number };
}

/** "2022–2025", with an en dash as in typeset ranges. */
export function formatPeriod(period: { start: number; end: number }): string {
  return period.start === period.end ? `${period.start}` : `${period.start}–${period.end}`;
}

/** "Lutte antiterroriste — Stratégie mondiale 2022–2025": the name used in titles. */
export function strategyName(data: StrategyTitleData): string {
  return `${data.title} — ${data.subtitle} ${formatPeriod(data.period)}`;
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

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

const sizeUnits = [
  { unit: "megabyte", bytes: 1_000_000 },
  { unit: "kilobyte", bytes: 1_000 },
] as const;

/** A file's size in the locale's words and units, e.g. "7,2 ko" or "7.2 kB" (SI units, as Intl names them). */
export function formatFileSize(locale: Locale, bytes: number): string {
  const scale = sizeUnits.find((s) => bytes >= s.bytes);
  if (!scale) return new Intl.NumberFormat(locale, { style: "unit", unit: "byte", unitDisplay: "long" }).format(bytes);
  const value = bytes / scale.bytes;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: scale.unit,
    unitDisplay: "short",
    minimumFractionDigits: value < 100 ? 1 : 0,
    maximumFractionDigits: value < 100 ? 1 : 0,
  }).format(value);
}
