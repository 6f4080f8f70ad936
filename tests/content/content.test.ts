import { describe, expect, it } from "vitest";
import { checkContent } from "../../src/checks/check-content";
import { localeCodes } from "../../src/lib/locales";
import { readLeaflet } from "./leaflet";

const { files, problems } = checkContent("content");
const leaflet = readLeaflet();
const of = (collection: string, locale: string) =>
  files.filter((f) => f.collection === collection && f.locale === locale);
const body = (text: string) => text.trim();

describe("the strategy's content", () => {
  it("has no problem: every file valid, in every locale, with consistent numbers", () => {
    expect(problems).toEqual([]);
  });

  it("has 4 objectives and 13 expected results (3, 4, 3, 3) in each locale", () => {
    for (const locale of localeCodes) {
      expect(of("objectives", locale).map((f) => f.data.number)).toEqual([1, 2, 3, 4]);
      const perObjective = [1, 2, 3, 4].map(
        (n) => of("results", locale).filter((f) => f.data.objective === n).length,
      );
      expect(perObjective, locale).toEqual([3, 4, 3, 3]);
    }
  });

  it("points every expected result at an objective that exists in its locale", () => {
    for (const result of files.filter((f) => f.collection === "results")) {
      const objectives = of("objectives", result.locale).map((f) => f.data.number);
      expect(objectives, result.filePath).toContain(result.data.objective);
    }
  });

  it("has every entry in every locale under the same file name", () => {
    for (const collection of ["strategy", "objectives", "results", "capabilities"]) {
      const names = localeCodes.map((locale) =>
        of(collection, locale)
          .map((f) => f.name)
          .sort(),
      );
      for (const other of names.slice(1)) expect(other, collection).toEqual(names[0]);
    }
  });

  it("keeps the French expected results word for word as the leaflet gives them", () => {
    const fromLeaflet = [...leaflet.results.entries()].flatMap(([objective, texts]) =>
      texts.map((text, i) => ({ name: `${objective}-${i + 1}`, text })),
    );
    expect(fromLeaflet).toHaveLength(13);
    for (const { name, text } of fromLeaflet) {
      const entry = of("results", "fr").find((f) => f.name === name);
      expect(entry && body(entry.body), name).toBe(text);
    }
  });

  it("keeps the English objective statements word for word as the leaflet gives them", () => {
    expect(leaflet.objectives.size).toBe(4);
    for (const [number, statement] of leaflet.objectives) {
      const entry = of("objectives", "en").find((f) => f.data.number === number);
      expect(entry && body(entry.body), `objective ${number}`).toBe(statement);
    }
  });

  it("keeps the French introduction, mandate and member-country figure as the leaflet gives them", () => {
    const [strategy] = of("strategy", "fr");
    expect(body(strategy!.body)).toBe(leaflet.introduction);
    expect(strategy!.data.mandate).toBe(leaflet.mandate);
    expect(leaflet.introduction).toContain(`${strategy!.data.memberCountries} pays membres`);
    expect(strategy!.data.memberCountries).toBe(195);
  });

  it("translates every entry from its original, never from another translation", () => {
    // The leaflet gives the objective statements in English and everything else in French (NOTES.md).
    const originals: Record<string, string> = { strategy: "fr", objectives: "en", results: "fr", capabilities: "fr" };
    for (const file of files) {
      const original = originals[file.collection]!;
      if (file.locale === original) expect(file.data.translatedFrom, file.filePath).toBeUndefined();
      else expect(file.data.translatedFrom, file.filePath).toBe(original);
    }
  });

  it("carries every editorial note of an original over to each of its translations", () => {
    for (const original of files.filter((f) => f.data.translatedFrom === undefined && f.data.editorialNote))
      for (const locale of localeCodes.filter((l) => l !== original.locale)) {
        const translation = of(original.collection, locale).find((f) => f.name === original.name);
        expect(translation?.data.editorialNote, `${original.collection}/${locale}/${original.name}`).toMatch(/./);
      }
    // The leaflet names its capabilities in French only: every other name is a translation, and says so to editors.
    for (const capability of files.filter((f) => f.collection === "capabilities" && f.data.translatedFrom))
      expect(capability.data.editorialNote, capability.filePath).toMatch(/./);
  });

  it("records an editorial note on every objective, since the statements do not match the results", () => {
    for (const locale of localeCodes)
      for (const objective of of("objectives", locale))
        expect(objective.data.editorialNote, objective.filePath).toMatch(/./);
  });
});
