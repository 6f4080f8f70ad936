/**
 * What a content file is: UTF-8 text, YAML frontmatter between two --- lines, then a Markdown or MDX body. The one
 * reader of that format, for Astro's loader (src/astro/localized-glob.ts) and for the checks and editors' tools alike,
 * so a mistake in a file reads the same in npm run check:content, the build and the preview.
 */
import yaml from "js-yaml";
import {
  describeCharacter,
  findMojibake,
  invisibleCharacter,
  replacementFor,
  typographicQuote,
  unusualSpace,
  visibleLine,
} from "./characters.ts";
import type { Problem } from "./problem.ts";
import { decodeContent } from "./text-encoding.ts";

/** The extensions of content files. */
export const contentExtension = /\.(md|mdx)$/;

export interface ParsedContentFile {
  data?: Record<string, unknown>;
  /** The frontmatter's YAML as written. */
  rawData: string;
  body: string;
  bodyLine: number;
  fieldLines: Record<string, number>;
  problem?: Problem;
}

/** A content file that is a symbolic link: refused, so that what is published is what is in the repository. */
export function symbolicLinkProblem(filePath: string, target: string, targetExists: boolean): Problem {
  return {
    file: filePath,
    found: `a symbolic link to ${target}${targetExists ? "" : ", which does not exist"}`,
    expected:
      "the file itself, copied here: content files are never links, so what is published is what is in the repository",
  };
}

/** A problem at a line and column of the file, the line quoted with the spot marked. */
function at(
  filePath: string,
  line: number,
  lineText: string,
  column: number,
  problem: Omit<Problem, "file" | "excerpt">,
): Problem {
  return { ...problem, file: `${filePath}:${line}:${column}`, excerpt: { line, ...visibleLine(lineText, column) } };
}

/**
 * Splits a file into frontmatter and body. Bytes are checked to be UTF-8 (a byte-order mark is dropped); a problem
 * names the line when the YAML is broken, and the character when an invisible or typographic one is the cause.
 */
export function parseContentFile(source: string | Uint8Array, filePath: string): ParsedContentFile {
  const unread = (problem: Problem): ParsedContentFile => ({
    rawData: "",
    body: typeof source === "string" ? source : "",
    bodyLine: 1,
    fieldLines: {},
    problem,
  });
  let text: string;
  if (typeof source === "string") text = source;
  else {
    const decoded = decodeContent(source);
    if (!("text" in decoded)) {
      const { line, column, lineText, ...problem } = decoded;
      return unread(
        line && column && lineText !== undefined
          ? at(filePath, line, lineText, column, problem)
          : { ...problem, file: line ? `${filePath}:${line}` : filePath },
      );
    }
    text = decoded.text;
  }
  // A byte-order mark is how some editors say "UTF-8": it is not part of the text.
  if (text.startsWith("\ufeff")) text = text.slice(1);

  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return unread(frontmatterLinesProblem(text, filePath));
  const bodyLine = match[0].split("\n").length;
  const rawData = match[1] ?? "";
  const body = text.slice(match[0].length);
  const lines = rawData.split("\n");
  const fieldLines: Record<string, number> = {};
  lines.forEach((line, index) => {
    const field = /^([A-Za-z_$][\w$-]*)\s*:/.exec(line)?.[1];
    if (field) fieldLines[field] ??= index + 2;
  });
  const parsed = { rawData, body, bodyLine, fieldLines };

  let data: unknown;
  try {
    data = yaml.load(rawData) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    // A character that YAML cannot read as the writer meant is the likely cause: name it rather than YAML's reason.
    const upTo = mark ? mark.line + 1 : lines.length;
    // Typographic quotes open values legitimately (mandate: « … »): only the lines YAML stopped at are suspected.
    const culprit = characterProblem(lines, filePath, { quotesOn: [upTo - 1], upTo });
    if (culprit) return { ...parsed, problem: culprit };
    // French spacing puts a space before a colon inside text, which YAML reads as the start of another field.
    const colon = mark
      ? /^([A-Za-z_$][\w$-]*)[ \t]*:[ \t]+(?!["'])(.*?[^\s:]\s*)(:[\s])/u.exec(lines[mark.line] ?? "")
      : null;
    if (mark && colon)
      return {
        ...parsed,
        problem: at(filePath, mark.line + 2, lines[mark.line]!.replace(/\r$/, ""), colon[0].length - 1, {
          field: colon[1],
          found: `a colon followed by a space inside the value of ${colon[1]}, which YAML reads as the start of another field`,
          expected: `the whole value between straight quotes: ${colon[1]}: "…" (a " inside it written \\")`,
        }),
      };
    const problem: Problem = mark
      ? at(filePath, mark.line + 2, lines[mark.line] ?? "", mark.column + 1, {
          found: `invalid YAML (${reason})`,
          expected: "valid YAML frontmatter",
        })
      : { file: filePath, found: `invalid YAML (${reason})`, expected: "valid YAML frontmatter" };
    return { ...parsed, problem };
  }
  const culprit = characterProblem(lines, filePath, { quotesOn: [], upTo: lines.length });
  if (culprit) return { ...parsed, problem: culprit };
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return {
      ...parsed,
      problem: {
        file: filePath,
        found: "frontmatter that is not a list of fields",
        expected: "lines such as order: 2",
      },
    };
  return { ...parsed, data: data as Record<string, unknown> };
}

/** Why a file has no frontmatter that can be read: its first or closing line, with what is wrong in it. */
function frontmatterLinesProblem(text: string, filePath: string): Problem {
  const lines = text.split("\n").map((line) => line.replace(/\r$/, ""));
  const looksLikeFence = (line: string) =>
    /^[\s\p{Cf}]*(?:[-\u2010-\u2015\u2212]{2,}|[\u2013-\u2015])[\s\p{Cf}]*$/u.test(line);
  const fenceProblem = (index: number) => {
    const line = lines[index] ?? "";
    const odd = [...line].findIndex((c) => c !== "-" && c !== " " && c !== "\t");
    const char = [...line][odd];
    if (char === undefined)
      return at(filePath, index + 1, line, 1, {
        found: `the line "${line}"`,
        expected: "exactly three hyphens --- on the frontmatter's first and closing lines",
      });
    const column = [...line].slice(0, odd).join("").length + 1;
    return at(filePath, index + 1, line, column, {
      found: `${describeCharacter(char)} in the line ${index === 0 ? "opening" : "closing"} the frontmatter`,
      expected:
        'exactly three hyphens --- on a line of their own (type the key "-" three times; word processors turn them into a dash)',
    });
  };
  if (lines[0] !== "---") {
    if (looksLikeFence(lines[0] ?? "")) return fenceProblem(0);
    return {
      file: `${filePath}:1`,
      found: "no frontmatter",
      expected: "the file to start with a line ---, the fields, and a closing line ---",
    };
  }
  const closing = lines.findIndex((line, i) => i > 0 && looksLikeFence(line));
  if (closing !== -1) return fenceProblem(closing);
  // The fields are the lines after --- that look like fields (or continue one, indented), up to the first other.
  let lastField = 0;
  while (/^(?:[A-Za-z_$][\w$-]*\s*:|[ \t]+\S)/.test(lines[lastField + 1] ?? "")) lastField++;
  return {
    file: `${filePath}:1`,
    found: "no line --- closing the frontmatter",
    expected: `a line --- after the last field (line ${lastField + 1}), then a blank line and the text`,
  };
}

/**
 * The first character in the frontmatter that YAML reads otherwise than a writer means: an invisible one anywhere; a
 * space other than the ordinary one in the indentation, in a field's name, around its colon or at the end of a line;
 * a fullwidth colon; and, on the lines where the YAML stopped reading (`quotesOn`), a typographic quote opening a value.
 */
function characterProblem(
  lines: string[],
  filePath: string,
  options: { quotesOn: number[]; upTo: number },
): Problem | undefined {
  for (const [index, raw] of lines.slice(0, options.upTo).entries()) {
    const line = raw.replace(/\r$/, "");
    const lineNumber = index + 2;
    const key =
      /^([\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\u2060]*)([^:\uff1a#"'\s][^:\uff1a#]*?)?([\s\u200b\u2060\ufeff]*)([:\uff1a])(.?)/u.exec(
        line,
      );
    const field = key?.[2]?.replace(/[\s\u200b\u2060\ufeff]/gu, "");
    const report = (column: number, char: string, where: string, expected: string) =>
      at(filePath, lineNumber, line, column, {
        ...(field ? { field } : {}),
        found: `${describeCharacter(char)} ${where}`,
        expected,
      });

    const invisible = invisibleCharacter.exec(line);
    if (invisible)
      return report(
        invisible.index + 1,
        invisible[0],
        field ? `in the line of ${field}, where it cannot be seen` : "in the frontmatter, where it cannot be seen",
        replacementFor(invisible[0]),
      );
    const indent = /^[ \t]*/.exec(line)![0].length;
    if (unusualSpace.test(line[indent] ?? "") && /^\s*$/u.test(line.slice(0, indent + 1)))
      return report(indent + 1, line[indent]!, "at the start of the line", "ordinary spaces to indent, or none");
    if (key) {
      const [, lead = "", name = "", gap = "", colon = "", next = ""] = key;
      const keyStart = lead.length;
      const inName = [...name].findIndex((c) => unusualSpace.test(c));
      if (inName !== -1)
        return report(keyStart + inName + 1, [...name][inName]!, `in the field name "${name}"`, "the field name alone");
      const gapOdd = [...gap].findIndex((c) => unusualSpace.test(c));
      if (gapOdd !== -1)
        return report(
          keyStart + name.length + gapOdd + 1,
          [...gap][gapOdd]!,
          `before the colon of ${field}`,
          `${field}: with nothing between the name and the colon`,
        );
      const colonColumn = keyStart + name.length + gap.length + 1;
      if (colon === "\uff1a" && name)
        return report(colonColumn, colon, `after ${field}`, `an ordinary colon: ${field}: …`);
      if (name && unusualSpace.test(next))
        return report(
          colonColumn + 1,
          next,
          `right after "${field}:", where YAML needs an ordinary space`,
          `an ordinary space after the colon: ${field}: …`,
        );
    }
    const trailing = /[\s\u200b\u2060\ufeff]+$/u.exec(line);
    if (trailing) {
      const odd = [...trailing[0]].findIndex((c) => unusualSpace.test(c));
      if (odd !== -1)
        return report(
          trailing.index + odd + 1,
          [...trailing[0]][odd]!,
          "at the end of the line, where it cannot be seen",
          "nothing after the value",
        );
    }
    if (options.quotesOn.includes(index)) {
      const opening = /^(\s*(?:[^:#\s][^:#]*:|-)[ \t]+)(\S)/u.exec(line);
      if (opening && typographicQuote.test(opening[2]!)) {
        const quote = opening[2]!;
        const what = field ? `the value of ${field}` : "the value";
        return report(
          opening[1]!.length + 1,
          quote,
          `opening ${what}, where YAML needs a straight quote`,
          `straight quotes around the text: ${field ?? "field"}: "…" (the text between them may keep its typographic quotes)`,
        );
      }
    }
  }
  // Text saved once in the wrong encoding and converted back: "comprÃ©hension".
  for (const [index, raw] of lines.slice(0, options.upTo).entries()) {
    const found = findMojibake(raw);
    if (found)
      return at(filePath, index + 2, raw.replace(/\r$/, ""), found.index + 1, {
        found: `"${found.found}" where "${found.meant}" was meant: the text was once read in the wrong encoding`,
        expected: `"${found.meant}" retyped in place of "${found.found}" (and the file saved as UTF-8)`,
      });
  }
  return undefined;
}
