/**
 * Checks on the text below the frontmatter, read with satteri, the parser Astro builds MDX with: syntax errors,
 * unknown components, code, unsafe HTML and URLs, links to missing pages, empty text and scaffolding placeholders.
 */
import GithubSlugger from "github-slugger";
import { markdownToMdast, mdxToMdast, type MdastNode } from "satteri";
import {
  describeCharacter,
  findInvisible,
  findMojibake,
  invisibleCharacter,
  replacementFor,
  typographicQuote,
  visibleLine,
  whyInvisible,
} from "../lib/characters.ts";
import type { CollectionName } from "../lib/collections.ts";
import type { ContentFile } from "./content-files.ts";
import {
  allowedAttributes,
  allowedElements,
  editorComponents,
  forbiddenElements,
  imageExtensions,
  isEditorComponent,
  urlAttributes,
} from "../lib/editor-components.ts";
import { reservedId } from "../lib/page-ids.ts";
import type { Problem } from "../lib/problem.ts";
import { hasPlaceholder, placeholderLine } from "../lib/translation-text.ts";
import { linkProblem, normalizedScheme, type LinkTargets } from "./link-targets.ts";
import { pointIn, rawHtmlTokens, type Point } from "./raw-html.ts";

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

type Node = MdastNode & {
  position?: { start: Point };
  name?: string | null;
  value?: unknown;
  url?: string;
  alt?: string | null;
  identifier?: string;
  attributes?: Attribute[];
  children?: Node[];
};
type Attribute = { type: string; name?: string; value?: unknown };

/** An id written in content (an id= attribute, or the one a Markdown heading gets), where it is written. */
export interface AuthorId {
  id: string;
  where: string;
}

/** Problems in one file's body; positions are lines and columns in the file, frontmatter included. */
export function bodyProblems(file: ContentFile, targets: LinkTargets): Problem[] {
  return checkBody(file, targets).problems;
}

/** Problems in one file's body, and the ids it gives elements of the page (checked against other entries' ids). */
export function checkBody(file: ContentFile, targets: LinkTargets): { problems: Problem[]; ids: AuthorId[] } {
  const at = (point: Point | undefined) =>
    point ? `${file.filePath}:${point.line + file.bodyLine - 1}:${point.column}` : file.filePath;
  const lines = file.body.split("\n");
  /** A problem at one character of the body, its line quoted. */
  const atCharacter = (point: Point, problem: Omit<Problem, "file" | "excerpt">): Problem => {
    const line = point.line + file.bodyLine - 1;
    return {
      ...problem,
      file: at(point),
      excerpt: { line, ...visibleLine(lines[point.line - 1] ?? "", point.column) },
    };
  };
  const problems: Problem[] = [];
  const ids: AuthorId[] = [];
  const text = file.body.replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, "").trim();

  if (bodyRequired[file.collection] && text === "")
    return {
      problems: [
        {
          file: `${file.filePath}:${file.bodyLine}`,
          found: "no text below the frontmatter",
          expected: `the published text of this entry after the closing --- line`,
        },
      ],
      ids,
    };
  if (!bodyRequired[file.collection] && text !== "")
    problems.push({
      file: at({ line: 1, column: 1 }),
      found: "text below the frontmatter, which is never published for this collection",
      expected: "nothing after the closing --- line (a capability has a name only)",
    });

  for (const { char, line, column } of findInvisible(file.body))
    problems.push(
      atCharacter(
        { line, column },
        {
          found: `${describeCharacter(char)}, ${whyInvisible(char)}`,
          expected: replacementFor(char),
        },
      ),
    );
  for (const { reference, char, index } of invisibleReferences(file.body))
    problems.push(
      atCharacter(pointIn(file.body, { line: 1, column: 1 }, index), {
        found: `the character reference ${reference}, which writes ${describeCharacter(char)}, ${whyInvisible(char)}`,
        expected: "nothing: delete it",
      }),
    );
  lines.forEach((line, index) => {
    const mojibake = findMojibake(line);
    if (mojibake)
      problems.push(
        atCharacter(
          { line: index + 1, column: mojibake.index + 1 },
          {
            found: `"${mojibake.found}" where "${mojibake.meant}" was meant: the text was once read in the wrong encoding`,
            expected: `"${mojibake.meant}" retyped in place of "${mojibake.found}"`,
          },
        ),
      );
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

  const mdx = file.filePath.endsWith(".mdx");
  let tree: Node;
  try {
    tree = (mdx ? mdxToMdast(file.body) : markdownToMdast(file.body)) as Node;
  } catch (error) {
    const quote = typographicAttributeQuote(lines);
    problems.push(
      quote
        ? atCharacter(quote.point, {
            found: `${describeCharacter(quote.char)} around the value of ${quote.attribute}=, where MDX needs a straight quote`,
            expected: `straight quotes: ${quote.attribute}="…" (the text between them may keep its typographic quotes)`,
          })
        : syntaxProblem(file, String((error as Error).message ?? error)),
    );
    return { problems, ids };
  }
  // Links are checked from the file's locale: they must stay within its pages and anchors.
  const fromHere = { ...targets, fromLocale: file.locale };
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    if (node.type === "definition") definitions.set(String(node.identifier ?? "").toLowerCase(), node.url ?? "");
  });
  const slugger = new GithubSlugger();
  walk(tree, (node) => {
    problems.push(...nodeProblems(node, at, fromHere, definitions));
    if (node.type === "heading") ids.push({ id: slugger.slug(headingText(node)), where: at(node.position?.start) });
    for (const attribute of node.type.startsWith("mdxJsx") && /^[a-z]/.test(node.name ?? "")
      ? (node.attributes ?? [])
      : [])
      if (attribute.name === "id" && attributeText(attribute.value))
        ids.push({ id: attributeText(attribute.value)!, where: at(node.position?.start) });
    // Markdown shows a tag it cannot read as text, such as <a/href="…">: a tag meant, and mistyped.
    const brokenTag =
      !mdx && node.type === "text" ? /<\/?[A-Za-z][A-Za-z0-9-]*[/\s][^<>\n]*=[^<>\n]*>/.exec(String(node.value)) : null;
    if (brokenTag && node.position)
      problems.push(
        atCharacter(pointIn(String(node.value), node.position.start, brokenTag.index), {
          found: `a tag that is not well formed (${brokenTag[0].length > 40 ? `${brokenTag[0].slice(0, 40)}…` : brokenTag[0]}), shown as text`,
          expected:
            'a tag written <name attribute="value">, a space before each attribute: <a href="/fr/">…</a>, or a Markdown link [text](/fr/)',
        }),
      );
    // Raw HTML in Markdown comes in pieces, each tag a node: its tags must balance among the nodes of one block.
    const html = (node.children ?? []).filter((child) => child.type === "html");
    if (html.length > 0) {
      const found = rawHtmlTokens(
        html.map((child) => ({ html: String(child.value), start: child.position?.start ?? { line: 1, column: 1 } })),
      );
      for (const issue of found.problems) problems.push(atCharacter(issue.point, issue));
      for (const element of found.elements) {
        const where = at(element.point);
        problems.push(
          ...elementProblems(
            element.name,
            element.attributes.map(([name, value]) => ({ type: "mdxJsxAttribute", name, value })),
            where,
            fromHere,
            "html",
          ),
        );
        const id = element.attributes.find(([name]) => name.toLowerCase() === "id")?.[1];
        if (id !== undefined) ids.push({ id, where });
      }
    }
  });
  for (const { id, where } of ids) {
    const reserved = reservedId(id);
    if (reserved)
      problems.push({
        file: where,
        found: `the id "${id}", which the page already gives to ${reserved}`,
        expected: "another id (or, for a heading, other words): two elements of a page may not share an id",
      });
  }
  return { problems, ids };
}

/** Named references that write an unseen character (HTML's names; MDX reads them too). */
const invisibleNames: Record<string, string> = {
  shy: "\u00ad",
  zerowidthspace: "\u200b",
  negativeverythinspace: "\u200b",
  negativethinspace: "\u200b",
  negativemediumspace: "\u200b",
  negativethickspace: "\u200b",
  nobreak: "\u2060",
};

/** Character references (&#x202E;, &shy;) that write an unseen character, which the text itself does not show. */
function invisibleReferences(body: string): { reference: string; char: string; index: number }[] {
  const found: { reference: string; char: string; index: number }[] = [];
  for (const match of body.matchAll(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi)) {
    const code = match[1] ? Number(match[1]) : match[2] ? parseInt(match[2], 16) : undefined;
    const char =
      code === undefined
        ? invisibleNames[match[3]!.toLowerCase()]
        : code <= 0x10ffff
          ? String.fromCodePoint(code)
          : "\ufffd";
    if (char && invisibleCharacter.test(char)) found.push({ reference: match[0], char, index: match.index });
  }
  return found;
}

/** The text of a heading as the renderer reads it to make its id. */
function headingText(node: Node): string {
  if (node.type === "text" || node.type === "inlineCode") return String(node.value ?? "");
  return (node.children ?? []).map(headingText).join("");
}

/**
 * The first attribute of a JSX tag whose value opens (or, opened by a straight quote, closes) with a typographic quote,
 * which MDX cannot read: `<Callout title=“À noter”>`. Found on the lines themselves, since MDX reports it elsewhere.
 */
function typographicAttributeQuote(lines: string[]): { point: Point; char: string; attribute: string } | undefined {
  for (const [index, line] of lines.entries()) {
    if (!line.includes("<")) continue;
    for (const match of line.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*(\S)([^\s>]*)/g)) {
      const before = line.slice(0, match.index);
      if (!/<[A-Za-z][^<>]*$/.test(before)) continue;
      const [, attribute = "", first = "", rest = ""] = match;
      if (typographicQuote.test(first))
        return {
          point: { line: index + 1, column: match.index + match[0].indexOf(first, attribute.length) + 1 },
          char: first,
          attribute,
        };
      const last = rest.at(-1) ?? "";
      if ((first === '"' || first === "'") && !rest.includes(first) && typographicQuote.test(last))
        return { point: { line: index + 1, column: match.index + match[0].length }, char: last, attribute };
    }
  }
  return undefined;
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

function nodeProblems(
  node: Node,
  at: (p: Point | undefined) => string,
  targets: LinkTargets,
  definitions: Map<string, string>,
): Problem[] {
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
    case "image":
      return imageProblems(node.url ?? "", String(node.alt ?? ""), where, targets);
    case "imageReference":
      return imageProblems(
        definitions.get(String(node.identifier ?? "").toLowerCase()) ?? "",
        String(node.alt ?? ""),
        where,
        targets,
      );
    case "footnoteReference":
    case "footnoteDefinition":
      return node.type === "footnoteDefinition"
        ? []
        : [
            {
              file: where,
              found:
                "a footnote [^…], which the site cannot publish: several entries share a page, and their notes would share numbers and links",
              expected: "the note in the text itself, in parentheses, or in a <Callout> in an .mdx file",
            },
          ];
    case "link":
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
  const nameProblems = elementNameProblems(name, where, syntax);
  return [
    ...nameProblems,
    ...attributes.flatMap((attribute) => attributeProblems(name, attribute, where, targets)),
    ...componentPropProblems(name, attributes, where),
    ...(nameProblems.length === 0 ? attributeNameProblems(name, attributes, where) : []),
  ];
}

/** Plain HTML elements take only the attributes that carry wording or structure: nothing that loads, runs or restyles. */
function attributeNameProblems(name: string, attributes: Attribute[], where: string): Problem[] {
  if (!/^[a-z]/.test(name) || name.includes(".")) return [];
  const lower = name.toLowerCase();
  const allowed = [...(allowedAttributes["*"] ?? []), ...(allowedAttributes[lower] ?? [])];
  return attributes.flatMap((attribute) => {
    const attr = (attribute.name ?? "").toLowerCase();
    // on…= and style= have their own message (attributeProblems).
    if (attribute.type !== "mdxJsxAttribute" || /^on/.test(attr) || attr === "style" || allowed.includes(attr))
      return [];
    return [
      {
        file: where,
        found: `an attribute ${attribute.name}= on <${lower}>, which content may not use`,
        expected: `only ${allowed.map((a) => `${a}=`).join(", ")} on <${lower}>`,
      },
    ];
  });
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
  const text = attributeText(value);
  if (text === undefined)
    return [
      {
        file: where,
        found: `a JavaScript expression ${attr}={${firstLine(String((value as { value?: unknown }).value ?? ""))}} on <${name}>`,
        expected: `a plain value written ${attr}="…"`,
      },
    ];
  // A literal in braces, href={"javascript:…"}, is the same value as href="javascript:…": checked the same way.
  if (!/^[a-z]/.test(name) || !urlAttributes.has(attr.toLowerCase())) return [];
  const urls = attr.toLowerCase() === "srcset" ? text.split(",").map((s) => s.trim().split(/\s+/)[0]!) : [text];
  return urls.flatMap((url) => {
    const problem = linkProblem(url, targets);
    return problem ? [{ file: where, ...problem }] : [];
  });
}

/**
 * An attribute's value as the page gets it: a string as written, or a literal in braces ({"…"}, {2}, {true}); any
 * other expression, or a literal with escapes that could hide what it writes, gives undefined.
 */
function attributeText(value: unknown): string | undefined {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  const expression = String((value as { value?: unknown }).value ?? "").trim();
  if (/^(-?\d+(\.\d+)?|true|false)$/.test(expression)) return expression;
  if (/^"[^"\\]*"$|^'[^'\\]*'$/.test(expression)) return expression.slice(1, -1);
  return undefined;
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

/**
 * Images show only what the site serves itself: a file of public/ written from the root, with words for readers who
 * cannot see it. An image from another site would be blocked by the page's policy (and tell that site who reads).
 */
function imageProblems(url: string, alt: string, where: string, targets: LinkTargets): Problem[] {
  const problems: Problem[] = [];
  const problem = (found: string, expected: string) => problems.push({ file: where, found, expected });
  if (alt.trim() === "")
    problem(
      "an image without alternative text",
      "words saying what the image shows, for readers who cannot see it: ![Map of the member countries](/map.png)",
    );
  const scheme = normalizedScheme(url);
  const path = url.split(/[?#]/)[0] ?? "";
  const copyIt = "the image file copied into public/ and written from the root, such as ![Map](/map.png)";
  if (scheme && !["http", "https"].includes(scheme)) {
    const link = linkProblem(url, targets);
    if (link) problem(link.found, link.expected);
  } else if (scheme || path.startsWith("//"))
    problem(`an image from another site (${url}), which the page's security policy blocks`, copyIt);
  else if (!path.startsWith("/")) problem(`the image address "${url}", which is relative to the page`, copyIt);
  else if (!targets.files.has(path)) problem(`an image ${path} that is not in public/`, copyIt);
  else if (!imageExtensions.test(path))
    problem(`${path}, which is not an image file`, `an image file (${imageExtensions.source.replace(/[\\()$]/g, "")})`);
  return problems;
}

function firstLine(value: unknown): string {
  const line =
    String(value ?? "")
      .trim()
      .split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
