/**
 * Content files are UTF-8, said plainly: a byte-order mark is accepted and dropped; UTF-16, UTF-32 and 8-bit
 * encodings such as Windows-1252 are refused with the name of the encoding, where it shows, and how to convert it.
 */

/** How to save a file as UTF-8, in the editor the guides describe. */
const howToConvert =
  'the file saved as UTF-8 (in VS Code: click the encoding shown at the bottom right, "Save with Encoding", "UTF-8")';

export type Decoded =
  { text: string } | { found: string; expected: string; line?: number; column?: number; lineText?: string };

const boms: [bytes: number[], encoding: string][] = [
  [[0x00, 0x00, 0xfe, 0xff], "UTF-32 (big-endian)"],
  [[0xff, 0xfe, 0x00, 0x00], "UTF-32 (little-endian)"],
  [[0xfe, 0xff], "UTF-16 (big-endian)"],
  [[0xff, 0xfe], "UTF-16 (little-endian)"],
];

/** Byte offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 either.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)) return i;
    if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/** A content file's text, or what is wrong with its encoding and where. */
export function decodeContent(bytes: Uint8Array): Decoded {
  for (const [bom, encoding] of boms)
    if (bom.every((b, i) => bytes[i] === b))
      return { found: `a file saved as ${encoding}`, expected: howToConvert, line: 1 };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // Without a byte-order mark, UTF-16 shows as a zero byte beside nearly every ASCII letter.
  const zeros = body.subarray(0, 200).filter((b) => b === 0).length;
  if (zeros > 0 && zeros >= Math.min(body.length, 200) / 4)
    return { found: "a file saved as UTF-16 (zero bytes between the letters)", expected: howToConvert, line: 1 };
  const invalid = firstInvalidByte(body);
  if (invalid === -1) return { text: new TextDecoder("utf-8").decode(body) };

  const lineStart = body.lastIndexOf(0x0a, invalid - 1) + 1;
  const lineEnd = body.indexOf(0x0a, invalid);
  const line = body.subarray(0, lineStart).filter((b) => b === 0x0a).length + 1;
  const asWindows1252 = new TextDecoder("windows-1252");
  const lineText = asWindows1252
    .decode(body.subarray(lineStart, lineEnd === -1 ? body.length : lineEnd))
    .replace(/\r$/, "");
  const column = asWindows1252.decode(body.subarray(lineStart, invalid)).length + 1;
  const byte = body[invalid]!.toString(16).toUpperCase().padStart(2, "0");
  const word = /\S*$/.exec(lineText.slice(0, column - 1))![0] + /^\S*/.exec(lineText.slice(column - 1))![0];
  return {
    found: `the byte 0x${byte}, which is not UTF-8: the file is saved in another encoding, most likely Windows-1252 (in which this word reads "${word}")`,
    expected: howToConvert,
    line,
    column,
    lineText,
  };
}
