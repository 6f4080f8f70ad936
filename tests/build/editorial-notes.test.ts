/** Editorial notes are for editors: no built file carries one, compressed copies and search index included. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { readContentFiles } from "../../src/checks/content-files";
import { editorialNotes } from "../../editor/translations";

const siteDir = inject("siteDir");

/** A built file as text: gzip (Pagefind's index, .gz copies) and brotli (.br copies) decompressed first. */
function builtText(file: string): string {
  const bytes = readFileSync(file);
  if (file.endsWith(".br")) return brotliDecompressSync(bytes).toString("utf8");
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

/** The longest run of a note that HTML, JSON or CSV would write unchanged: no quotes, ampersands or angle brackets. */
const telltale = (note: string) =>
  note
    .split(/["'’&<>\\]/)
    .sort((a, b) => b.length - a.length)[0]!
    .trim();

describe("editorial notes", () => {
  const notes = editorialNotes(readContentFiles("content").files);
  const files = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));

  it("exist in the content, so this test has something to look for", () => {
    expect(notes.length).toBeGreaterThanOrEqual(8);
    for (const { note } of notes) expect(telltale(note).length, note).toBeGreaterThanOrEqual(20);
  });

  it("appear in no built file", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const built = builtText(file);
      for (const { filePath, note } of notes)
        expect(built.includes(telltale(note)), `${path.relative(siteDir, file)} carries the note of ${filePath}`).toBe(
          false,
        );
    }
  });
});
