/**
 * Frontmatter help in VS Code: with experimental.contentIntellisense, Astro writes a JSON Schema per collection and a
 * map of content files to collections into .astro/collections/ (on `astro sync`, `npm run dev` and every build), and
 * the Astro extension (.vscode/settings.json turns it on) validates frontmatter with yaml-language-server, as here.
 */
import { readFileSync } from "node:fs";
import { TextDocument } from "vscode-languageserver-textdocument";
import { getLanguageService } from "yaml-language-server/lib/umd/languageservice/yamlLanguageService.js";
import { describe, expect, it } from "vitest";
import { collectionNames } from "../../src/lib/collections";
import { localeCodes } from "../../src/lib/locales";
import { readContentFiles } from "../../src/checks/content-files";
import { parseContentFile } from "../../src/lib/content-file";

/**
 * .astro/ is shared: any build or sync, a fixture build of this very test run included, rewrites it (the schemas
 * identically, the file map for its own content folder). Read again if caught half-written.
 */
function readJson<T>(file: string): T {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as T;
    } catch (error) {
      if (attempt === 20) throw error;
    }
  }
}
const schemaOf = (collection: string) => readJson<object>(`.astro/collections/${collection}.schema.json`);

let documents = 0;

/** What VS Code underlines in a frontmatter, as "line: message" (lines of the frontmatter, from 1). */
async function underlined(collection: string, frontmatter: string): Promise<string[]> {
  const schema = schemaOf(collection);
  const service = getLanguageService({
    schemaRequestService: () => Promise.resolve(JSON.stringify(schema)),
    workspaceContext: { resolveRelativePath: (relative: string) => relative },
  });
  service.configure({ validate: true, yamlVersion: "1.2", schemas: [{ uri: `file:///${collection}.schema.json`, fileMatch: ["*.yaml"], schema }] });
  // yaml-language-server caches schemas and parsed documents by URI: a new document URI per call.
  const document = TextDocument.create(`file:///${collection}/${++documents}.yaml`, "yaml", 1, frontmatter);
  return (await service.doValidation(document, false)).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

/** The frontmatter as written, read by the project's one reader (a byte-order mark or CRLF included). */
const frontmatterOf = (filePath: string) => parseContentFile(readFileSync(filePath), filePath).rawData;

describe("frontmatter schemas for the editor", () => {
  const { files } = readContentFiles("content");

  it("maps content files to their collection, each collection with a schema", () => {
    const manifest = readJson<{ collections: { name: string; hasSchema: boolean }[]; entries: Record<string, string> }>(
      ".astro/collections/collections.json",
    );
    expect(manifest.collections.filter((c) => c.hasSchema).map((c) => c.name).sort()).toEqual([...collectionNames].sort());
    const entries = Object.entries(manifest.entries);
    expect(entries.length).toBeGreaterThan(0);
    // Whichever content folder was synced last: each file sits in <collection>/<locale>/.
    for (const [file, collection] of entries) expect(file.split("/").at(-3), file).toBe(collection);
  });

  it("underlines nothing in the real content", async () => {
    for (const file of files) expect(await underlined(file.collection, frontmatterOf(file.filePath)), file.filePath).toEqual([]);
  });

  it("underlines a wrong type, a misspelt field, a missing field and an unknown locale where they are", async () => {
    expect(await underlined("results", "objective: two\norder: 3")).toEqual(['1: Incorrect type. Expected "integer".']);
    expect(await underlined("results", "objective: 2\nordre: 3")).toEqual([
      '1: Missing property "order".',
      "2: Property ordre is not allowed.",
    ]);
    expect(await underlined("capabilities", "name: Innovation\norder: 1\ntranslatedFrom: de\nsourceHash: \"0123456789ab\"")).toEqual([
      `3: Value is not accepted. Valid values: ${localeCodes.map((locale) => `"${locale}"`).join(", ")}.`,
    ]);
    expect(await underlined("objectives", "number: 0")).toEqual([expect.stringMatching(/^1: Value is below the exclusive minimum of 0/)]);
  });
});
