/**
 * Characters that editors paste without seeing them, or that look like the ones a syntax needs: their names for
 * messages, which of them content may hold, and a line of text shown with them made visible.
 */

const names: Record<string, string> = {
  "\u00a0": "no-break space",
  "\u202f": "narrow no-break space",
  "\u2007": "figure space",
  "\u2008": "punctuation space",
  "\u2009": "thin space",
  "\u200a": "hair space",
  "\u2002": "en space",
  "\u2003": "em space",
  "\u2004": "three-per-em space",
  "\u2005": "four-per-em space",
  "\u2006": "six-per-em space",
  "\u205f": "medium mathematical space",
  "\u3000": "ideographic space",
  "\u1680": "Ogham space mark",
  "\u200b": "zero-width space",
  "\u200c": "zero-width non-joiner",
  "\u200d": "zero-width joiner",
  "\u2060": "word joiner",
  "\ufeff": "zero-width no-break space (byte-order mark)",
  "\u00ad": "soft hyphen",
  "\u180e": "Mongolian vowel separator",
  "\u200e": "left-to-right mark",
  "\u200f": "right-to-left mark",
  "\u061c": "Arabic letter mark",
  "\u202a": "left-to-right embedding",
  "\u202b": "right-to-left embedding",
  "\u202c": "pop directional formatting",
  "\u202d": "left-to-right override",
  "\u202e": "right-to-left override",
  "\u2066": "left-to-right isolate",
  "\u2067": "right-to-left isolate",
  "\u2068": "first strong isolate",
  "\u2069": "pop directional isolate",
  "\u2028": "line separator",
  "\u2029": "paragraph separator",
  "\ufffd": "replacement character �",
  "\u201c": "left double quotation mark “",
  "\u201d": "right double quotation mark ”",
  "\u201e": "double low-9 quotation mark „",
  "\u201f": "double high-reversed-9 quotation mark ‟",
  "\u2018": "left single quotation mark ‘",
  "\u2019": "right single quotation mark ’",
  "\u201a": "single low-9 quotation mark ‚",
  "\u201b": "single high-reversed-9 quotation mark ‛",
  "\u00ab": "left-pointing double angle quotation mark «",
  "\u00bb": "right-pointing double angle quotation mark »",
  "\u2039": "single left-pointing angle quotation mark ‹",
  "\u203a": "single right-pointing angle quotation mark ›",
  "\uff02": "fullwidth quotation mark ＂",
  "\uff07": "fullwidth apostrophe ＇",
  "\u2032": "prime ′",
  "\u2033": "double prime ″",
  "\u00b4": "acute accent ´",
  "\uff1a": "fullwidth colon ：",
  "\u2013": "en dash –",
  "\u2014": "em dash —",
  "\u2212": "minus sign −",
};

/** U+XXXX, as character tables and editors' "go to character" boxes write it. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** "a zero-width space (U+200B)", "a control character (U+0007)". */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const name =
    names[char] ??
    (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? "control character" : `character ${JSON.stringify(char)}`);
  return `${/^[aeiouAEIOU]/.test(name) && !name.startsWith("one") ? "an" : "a"} ${name} (${codePoint(char)})`;
}

/** Spaces other than the ordinary one (U+0020) and the tab. */
export const unusualSpace = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

/** Typographic quotes, which YAML and MDX attributes do not read as quotes. */
export const typographicQuote =
  /[\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a\uff02\uff07]/u;

/**
 * Characters no text of ours needs and no reader sees: zero-width spaces and joiners that split words for search,
 * soft hyphens, bidirectional overrides (which can show text in another order than it is read), separators and
 * control characters other than tab and line breaks, and the replacement character a failed conversion leaves. The
 * zero-width non-joiner and joiner, the direction marks and isolates stay allowed: right-to-left and other scripts
 * need them in words.
 */
export const invisibleCharacter =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u180e\u200b\u2060\ufeff\u202a-\u202e\u2028\u2029\ufffd\ufff9-\ufffb\ufffe\uffff]/u;

/** The same as a global pattern, to find every one. */
const invisibleCharacters = new RegExp(invisibleCharacter.source, "gu");

/** Why an unseen character is a mistake, for messages. */
export function whyInvisible(char: string): string {
  if (char === "\ufffd") return "left where a conversion lost a letter";
  if (char === "\u202c") return "which ends a change of text direction that no text here needs";
  if (/[\u202a-\u202e]/u.test(char))
    return "which shows the text after it in another order than it is stored, read aloud and searched";
  if (/[\u0000-\u001f\u007f-\u009f]/u.test(char)) return "a control character that no text of the site holds";
  return "which no reader sees and which splits or joins words for search";
}

/** What to type instead of a character, for messages. */
export function replacementFor(char: string): string {
  if (unusualSpace.test(char)) return "an ordinary space, or nothing";
  if (typographicQuote.test(char)) return "a straight quote \" (or ')";
  if (char === "\ufffd") return "the letter that was lost, retyped";
  return "nothing: delete it (move the cursor across it with the arrow keys: it takes one press though it shows nothing)";
}

/** A line of text with its unseen characters written as [U+200B], and the column of `column` in that rendering. */
export function visibleLine(line: string, column: number): { text: string; column: number } {
  let text = "";
  let shifted = column;
  let index = 0;
  for (const char of line) {
    const shown = invisibleCharacter.test(char) || unusualSpace.test(char) ? `[${codePoint(char)}]` : char;
    if (index < column - 1) shifted += shown.length - char.length;
    text += shown;
    index += char.length;
  }
  return { text: text.replace(/\r$/, ""), column: shifted };
}

/** Every unseen character of a text, with its 1-based line and column (columns counted in UTF-16 units, as editors do). */
export function findInvisible(text: string): { char: string; line: number; column: number }[] {
  const found: { char: string; line: number; column: number }[] = [];
  for (const match of text.matchAll(invisibleCharacters)) {
    const before = text.slice(0, match.index);
    const line = before.split("\n").length;
    found.push({ char: match[0], line, column: match.index - before.lastIndexOf("\n") });
  }
  return found;
}

// Windows-1252's characters for bytes 0x80 to 0x9F; the others are the same as Latin-1's.
const windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** The byte Windows-1252 writes for a character, if it has one. */
function windows1252Byte(char: string): number | undefined {
  const code = char.codePointAt(0)!;
  const high = windows1252High.indexOf(char);
  if (high !== -1) return 0x80 + high;
  return code >= 0xa0 && code <= 0xff ? code : undefined;
}

/**
 * UTF-8 text decoded as Windows-1252 and saved again ("compréhension" become "comprÃ©hension", "l’accès"
 * "lâ€™accÃ¨s"): the first such sequence with what it stood for, or undefined. Only the lead characters such text
 * produces for Latin and Arabic letters and for punctuation are looked at, so "É…" or "À»" in real text pass.
 */
export function findMojibake(text: string): { index: number; found: string; meant: string } | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const match of text.matchAll(/[ÂÃÄÅØÙâï][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/gu)) {
    const bytes = [...match[0]].map(windows1252Byte);
    for (let length = bytes.length; length >= 2; length--) {
      const slice = bytes.slice(0, length);
      if (slice.some((b) => b === undefined)) continue;
      try {
        const meant = decoder.decode(new Uint8Array(slice as number[]));
        if (/[^\u0000-\u007f]/.test(meant))
          return { index: match.index, found: [...match[0]].slice(0, length).join(""), meant };
      } catch {
        // Not a whole UTF-8 sequence at this length: try a shorter one.
      }
    }
  }
  return undefined;
}
