/**
 * The MDX components editors may use (src/lib/editor-components.ts) as CMS editor components: each reads and writes
 * exactly the MDX the editing guide shows (src/mdx-components/examples/):
 *   <Callout title="Note">\n  text\n</Callout>           a block; the title is optional, the text indented by two spaces
 *   <KeyFigure value="195" label="member countries" />   inside a paragraph or alone on its line
 * A double quote typed in an attribute is written &quot;, which MDX reads back as a double quote.
 */
import type { EditorComponentDefinition } from "@sveltia/cms";
import { editorComponents } from "../../src/lib/editor-components.ts";
import { componentIds } from "./names.ts";

/** Labels of the components and their fields, in the admin's language. */
export interface ComponentWords {
  callout: string;
  calloutTitle: string;
  calloutText: string;
  keyFigure: string;
  keyFigureValue: string;
  keyFigureLabel: string;
}

/** Sveltia's definition, with the functions the tests call. */
export type EditorComponent = EditorComponentDefinition & {
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  toPreview: (props: Record<string, unknown>) => string;
};

const attribute = (value: unknown) =>
  String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;");
const unattribute = (value: string | undefined) => (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
const escapeHtml = (value: unknown) =>
  String(value ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
const dedent = (text: string) => text.replace(/^ {2}/gm, "");

export function editorComponentDefinitions(words: ComponentWords): EditorComponent[] {
  const props = (name: keyof typeof editorComponents) => Object.keys(editorComponents[name].props);
  const [title] = props("Callout");
  const [value, label] = props("KeyFigure");
  return [
    {
      id: componentIds.Callout,
      label: words.callout,
      icon: "info",
      fields: [
        { name: title!, label: words.calloutTitle, widget: "string", required: false },
        { name: "text", label: words.calloutText, widget: "markdown", editor_components: [] },
      ],
      // From the line where it starts to its closing tag; Sveltia matches block components from a line's start.
      pattern: /^<Callout(?: title="([^"]*)")?>\n([\s\S]*?)\n<\/Callout>/,
      fromBlock: (match) => ({ [title!]: unattribute(match[1]), text: dedent(match[2] ?? "") }),
      toBlock: (p) =>
        `<Callout${p[title!] ? ` title="${attribute(p[title!])}"` : ""}>\n${indent(String(p.text ?? "").trim())}\n</Callout>`,
      toPreview: (p) =>
        `<div class="callout" role="note">${p[title!] ? `<p><strong>${escapeHtml(p[title!])}</strong></p>` : ""}<p>${escapeHtml(p.text)}</p></div>`,
    },
    {
      id: componentIds.KeyFigure,
      label: words.keyFigure,
      icon: "pin",
      fields: [
        { name: value!, label: words.keyFigureValue, widget: "string" },
        { name: label!, label: words.keyFigureLabel, widget: "string" },
      ],
      // Alone on its line: the editor of Sveltia 0.221 drops a component it holds inside a paragraph when saving.
      pattern: /^<KeyFigure value="([^"]*)" label="([^"]*)" \/>$/m,
      fromBlock: (match) => ({ [value!]: unattribute(match[1]), [label!]: unattribute(match[2]) }),
      toBlock: (p) => `<KeyFigure value="${attribute(p[value!])}" label="${attribute(p[label!])}" />`,
      toPreview: (p) =>
        `<span class="key-figure"><strong>${escapeHtml(p[value!])}</strong> ${escapeHtml(p[label!])}</span>`,
    },
  ];
}
