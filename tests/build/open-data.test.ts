import { describe, expect, inject, it } from "vitest";
import { contentDir } from "../../src/lib/content-dir";
import { localeCodes } from "../../src/lib/locales";
import { expectHomeLinksToDataFiles, expectOpenDataMatchesContent, readDataFiles } from "../helpers/open-data";

const siteDir = inject("siteDir");

describe("the open data files of the built site", () => {
  it("validate against the schema published beside them and match the content and the pages, with no editorial note", () => {
    expectOpenDataMatchesContent(siteDir, contentDir());
  });

  it("are linked from each home page under an open data heading, with their real sizes", () => {
    expectHomeLinksToDataFiles(siteDir);
  });

  it("publish the same schema in every locale but for its own address, and the same numbering", () => {
    const [first, ...others] = localeCodes.map((locale) => readDataFiles(siteDir, locale));
    for (const other of others) {
      expect({ ...other.schema, $id: "" }).toEqual({ ...first!.schema, $id: "" });
      expect(other.json.objectives.flatMap((o) => o.results.map((r) => r.number))).toEqual(
        first!.json.objectives.flatMap((o) => o.results.map((r) => r.number)),
      );
    }
  });
});
