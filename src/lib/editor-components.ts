/** What MDX content may contain besides Markdown: the editors' components (no import needed) and plain HTML elements. */

export interface ComponentSpec {
  /** One line for editors, shown in messages and the editing guide. */
  summary: string;
  /** Attributes the component takes; true when required. */
  props: Record<string, boolean>;
  /** Whether it wraps text (<Callout>…</Callout>) or stands alone (<KeyFigure … />). */
  children: boolean;
  /** Attributes the reader sees as text, in reading order before the children: plain-text exports keep them. */
  textProps: readonly string[];
  /** How to write it, in one line, for messages; full examples are in src/mdx-components/examples/. */
  usage: string;
}

/** The components of src/mdx-components/, by the name editors write. */
export const editorComponents = {
  Callout: {
    summary: "a boxed note that stands out from the text, with an optional title",
    props: { title: false },
    children: true,
    textProps: ["title"],
    usage: '<Callout title="Note">text</Callout>',
  },
  KeyFigure: {
    summary: "a large figure with its label, such as 195 member countries",
    props: { value: true, label: true },
    children: false,
    textProps: ["value", "label"],
    usage: '<KeyFigure value="195" label="member countries" />',
  },
} as const satisfies Record<string, ComponentSpec>;

export type EditorComponentName = keyof typeof editorComponents;

export function isEditorComponent(name: string): name is EditorComponentName {
  return Object.hasOwn(editorComponents, name);
}

/** HTML elements that may run code, load other pages or restyle the site: never allowed in content. */
export const forbiddenElements = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "style",
  "frame",
  "frameset",
  "applet",
  "base",
  "link",
  "meta",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "template",
  "svg",
  "math",
]);

/** Plain HTML elements content may use for wording and structure that Markdown cannot express. */
export const allowedElements = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "blockquote",
  "br",
  "cite",
  "code",
  "dd",
  "del",
  "dfn",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "i",
  "ins",
  "kbd",
  "li",
  "mark",
  "ol",
  "p",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "time",
  "tr",
  "u",
  "ul",
  "wbr",
]);

/**
 * Attributes plain HTML elements may carry in content, per element ("*": on any), all of them words or structure.
 * Anything else is refused: attributes that load (src, background, ping), restyle or hide (class, hidden), steer
 * the search index (data-pagefind-…) or open other windows (target).
 */
export const allowedAttributes: Record<string, readonly string[]> = {
  "*": ["id", "lang", "dir", "title", "translate"],
  a: ["href", "hreflang"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  td: ["colspan", "rowspan", "headers"],
  th: ["colspan", "rowspan", "headers", "scope", "abbr"],
};

/** Image files a Markdown image may show, from public/. */
export const imageExtensions = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/** Attributes of plain HTML elements that hold a URL, checked like Markdown links. */
export const urlAttributes = new Set([
  "href",
  "src",
  "srcset",
  "cite",
  "action",
  "formaction",
  "poster",
  "data",
  "xlink:href",
]);
