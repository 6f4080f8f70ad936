import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildStrategyExport, openDataFiles, type ExportSource } from "../../src/site/open-data";
import { resultNumber, resultPath } from "../../src/lib/routes";
import { schemaErrors } from "../helpers/json-schema";

const site = "https://data.example.org/";
const note = { editorialNote: "For editors only: never exported." };
const result = (objective: number, order: number, body: string) => ({
  objective,
  order,
  number: resultNumber(objective, order),
  path: resultPath("en", objective, order),
  entry: { body, filePath: `content/results/en/${objective}-${order}.mdx`, data: note },
});

/** A made-up strategy shaped like the model src/lib/strategy.ts builds, with an editorial note on every entry. */
const madeUp = {
  locale: "en" as const,
  strategy: {
    body: "An *invented* introduction.",
    filePath: "content/strategy/en/strategy.mdx",
    data: {
      organization: "Org",
      title: "Plan",
      subtitle: "Test",
      period: { start: 2030, end: 2031 },
      memberCountries: 7,
      mandate: "A mandate.",
      capabilitiesTitle: "Means",
      ...note,
    },
  },
  objectives: [
    {
      number: 1,
      entry: { body: "First **statement**.", filePath: "content/objectives/en/1.md", data: note },
      results: [result(1, 1, 'With "quotes", commas and é.'), result(1, 2, "Two\n\nparagraphs.")],
    },
    { number: 2, entry: { body: "Second.", data: note }, results: [result(2, 1, '<Note kind="x">Inside.</Note>')] },
  ],
  capabilities: [{ data: { name: "Means 1", order: 1, ...note } }],
};
const source: ExportSource = madeUp;

describe("the open data export", () => {
  it("holds the strategy, its objectives and their numbered results as plain text with absolute permalinks", () => {
    const data = buildStrategyExport(source, site);
    expect(data.$schema).toBe("https://data.example.org/en/data/strategy.schema.json");
    expect(data.strategy).toMatchObject({ introduction: "An invented introduction.", memberCountries: 7 });
    expect(data.strategy.fullText).toBe("https://data.example.org/en/strategy/");
    expect(data.objectives.map((o) => o.statement)).toEqual(["First statement.", "Second."]);
    expect(data.objectives[0]!.results[1]).toEqual({
      objective: 1,
      order: 2,
      number: "1.2",
      text: "Two\n\nparagraphs.",
      permalink: "https://data.example.org/en/objectives/1/#result-1-2",
    });
    expect(data.objectives[1]!.results[0]!.text).toBe("Inside.");
    expect(data.capabilities).toEqual([{ order: 1, name: "Means 1" }]);
  });

  it("never writes an editorial note into any data file", () => {
    for (const file of openDataFiles(source, site)) {
      expect(file.body, file.path).not.toContain(note.editorialNote);
      expect(file.body, file.path).not.toContain("editorialNote");
    }
  });

  it("follows the JSON Schema it publishes, which rejects unknown fields and missing texts", () => {
    const [json, schema] = openDataFiles(source, site)
      .filter((f) => f.path.endsWith(".json"))
      .map((f) => JSON.parse(f.body));
    expect(schema.$id).toBe(json.$schema);
    expect(schemaErrors(schema, json)).toEqual([]);
    expect(schemaErrors(schema, { ...json, extra: 1 })).not.toEqual([]);
    const withNote = structuredClone(json);
    withNote.objectives[0].results[0].editorialNote = "x";
    expect(schemaErrors(schema, withNote)).not.toEqual([]);
    const empty = structuredClone(json);
    empty.objectives[0].results[0].text = "";
    expect(schemaErrors(schema, empty)).not.toEqual([]);
    const relative = structuredClone(json);
    relative.objectives[0].results[0].permalink = "/en/objectives/1/#result-1-1";
    expect(schemaErrors(schema, relative)).not.toEqual([]);
  });

  it("writes one CSV row per expected result, and sizes each file in UTF-8 bytes", () => {
    const files = openDataFiles(source, site);
    const csv = files.find((f) => f.file === "resultsCsv")!;
    expect(csv.path).toBe("/en/data/results.csv");
    expect(parse(csv.body, { bom: true })).toEqual([
      ["objective", "result", "text", "permalink"],
      ["1", "1", 'With "quotes", commas and é.', "https://data.example.org/en/objectives/1/#result-1-1"],
      ["1", "2", "Two\n\nparagraphs.", "https://data.example.org/en/objectives/1/#result-1-2"],
      ["2", "1", "Inside.", "https://data.example.org/en/objectives/2/#result-2-1"],
    ]);
    for (const file of files) expect(file.bytes, file.path).toBe(Buffer.from(file.body, "utf8").length);
    expect(csv.bytes).toBeGreaterThan(csv.body.length);
    expect(openDataFiles(source, site), "serialised once per model and site").toBe(files);
  });

  it("stops with the file, the field and what was found when a text is empty, rather than publishing it", () => {
    const broken = structuredClone(source);
    broken.objectives[1]!.results[0]!.entry.body = "{/* nothing yet */}";
    expect(() => buildStrategyExport(broken, site)).toThrow(
      'content/results/en/2-1.mdx, field "objectives.1.results.0.text": found no text (an empty body); expected some text.',
    );
  });
});
