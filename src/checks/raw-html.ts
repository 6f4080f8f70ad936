/**
 * Raw HTML in a Markdown (.md) body, read tag by tag as strictly as it must be written: every tag well formed (a
 * browser reads `<a/href="…">` as a link that a lenient parser misses), every element closed in the block where it
 * opens, and no closing tag for an element the text did not open (`Texte.</p></li></ol></main>` would close the
 * page's own list and main text early). MDX reads its tags as JSX, which balances them itself.
 */
import { describeCharacter, typographicQuote } from "../lib/characters.ts";

export interface Point {
  line: number;
  column: number;
}

/** A start tag as written: its name, its attributes in order (the value "" when there is none), where it starts. */
export interface RawElement {
  name: string;
  attributes: [name: string, value: string][];
  point: Point;
}

export interface RawHtmlIssue {
  point: Point;
  found: string;
  expected: string;
}

/** Elements that have no closing tag. */
const voidElements = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));

const startTag =
  /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const endTag = /<\/([A-Za-z][A-Za-z0-9-]*)\s*>/y;
const attributePattern = /\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The point in the file of an offset into a piece of text (HTML, or a text node) that starts at `start`. */
export function pointIn(html: string, start: Point, offset: number): Point {
  const before = html.slice(0, offset);
  const newline = before.lastIndexOf("\n");
  if (newline === -1) return { line: start.line, column: start.column + offset };
  return { line: start.line + before.split("\n").length - 1, column: offset - newline };
}

/**
 * The elements of the HTML pieces of one block (the html nodes a paragraph, list item or the whole body holds, in
 * order), and what is wrong with their tags.
 */
export function rawHtmlTokens(pieces: { html: string; start: Point }[]): {
  elements: RawElement[];
  problems: RawHtmlIssue[];
} {
  const elements: RawElement[] = [];
  const problems: RawHtmlIssue[] = [];
  const open: RawElement[] = [];
  const unclosed = (element: RawElement) =>
    problems.push({
      point: element.point,
      found: `an opening tag <${element.name}> that is not closed in the same paragraph or block`,
      expected: `its closing tag </${element.name}> before the blank line that ends the paragraph (or no tag at all: Markdown's *emphasis* and lists need none)`,
    });

  for (const { html, start } of pieces) {
    for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
      const point = pointIn(html, start, i);
      if (html.startsWith("<!--", i)) {
        const end = html.indexOf("-->", i + 4);
        if (end === -1) {
          problems.push({
            point,
            found: "an HTML comment <!-- never closed",
            expected: "a comment written <!-- … -->",
          });
          break;
        }
        i = end + 2;
        continue;
      }
      if (/^<[!?]/.test(html.slice(i, i + 2))) {
        problems.push({
          point,
          found: `markup that is not an element (${html.slice(i, i + 12)}…)`,
          expected: "text, elements such as <abbr>, or a comment written <!-- … -->",
        });
        continue;
      }
      if (!/^<\/?[A-Za-z]/.test(html.slice(i, i + 3))) continue;
      endTag.lastIndex = i;
      const end = endTag.exec(html);
      if (end) {
        const name = end[1]!.toLowerCase();
        const index = open.findLastIndex((element) => element.name.toLowerCase() === name);
        // An element without content (<br>, <embed>) has nothing to close: browsers ignore </embed>.
        if (!voidElements.has(name) && index === -1)
          problems.push({
            point,
            found: `a closing tag </${name}> with no opening <${name}> before it in the same paragraph or block`,
            expected: `no </${name}> here: Markdown opens and closes paragraphs and lists itself, and the page's own elements are never closed from the text`,
          });
        if (index !== -1) open.splice(index).slice(1).forEach(unclosed);
        i += end[0].length - 1;
        continue;
      }
      startTag.lastIndex = i;
      const tag = startTag.exec(html);
      if (!tag) {
        const shown = html.slice(i).split(/[>\n]/)[0]!;
        problems.push({
          point,
          found: `a tag that is not well formed (${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}>)`,
          expected:
            'a tag written <name attribute="value">, a space before each attribute, values between straight quotes: <a href="/fr/">…</a>',
        });
        continue;
      }
      const element: RawElement = { name: tag[1]!, attributes: [], point };
      const seen = new Set<string>();
      for (const attribute of tag[2]!.matchAll(attributePattern)) {
        const name = attribute[1]!;
        const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
        // tag[2], the attributes, starts right after "<" and the element's name.
        const valueOffset = i + 1 + tag[1]!.length + attribute.index + attribute[0].lastIndexOf(value);
        if (attribute[4] !== undefined && typographicQuote.test(value[0] ?? ""))
          problems.push({
            point: pointIn(html, start, valueOffset),
            found: `${describeCharacter(value[0]!)} around the value of ${name}=, which HTML does not read as a quote`,
            expected: `straight quotes: ${name}="…"`,
          });
        if (seen.has(name.toLowerCase()))
          problems.push({
            point,
            found: `the attribute ${name}= twice on <${element.name}>`,
            expected: "each attribute once (browsers keep the first and ignore the other)",
          });
        seen.add(name.toLowerCase());
        element.attributes.push([name, value]);
      }
      elements.push(element);
      if (!voidElements.has(element.name.toLowerCase())) open.push(element);
      i += tag[0].length - 1;
    }
  }
  open.forEach(unclosed);
  return { elements, problems };
}
