import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/lib/problem";
import { editorialNotes, formatStatusTable, recordTranslation } from "../../editor/translations";
import {
  outdatedTranslations,
  sourceHash,
  translationProblems,
  translationStatus,
  untrackedTranslations,
  type TranslatableFile,
} from "../../src/checks/translations";

const file = (locale: string, data: Record<string, unknown>, body: string, name = "2-3"): TranslatableFile => ({
  collection: "results",
  name,
  locale,
  filePath: `content/results/${locale}/${name}.mdx`,
  data,
  body,
});
const original = file("fr", { objective: 2, order: 3 }, "\nPriorité accordée aux enquêtes.\n");
const translated = (data: Record<string, unknown> = {}, body = "Priority given to investigations.") =>
  file("en", { objective: 2, order: 3, translatedFrom: "fr", sourceHash: sourceHash(original), ...data }, body);

describe("translation status", () => {
  it("hashes the text only: line endings, trailing spaces, numbers and editorial notes do not count", () => {
    const hash = sourceHash(original);
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(sourceHash({ ...original, body: "\r\nPriorité accordée aux enquêtes.   \r\n" })).toBe(hash);
    expect(sourceHash({ ...original, data: { ...original.data, order: 4, editorialNote: "Check it." } })).toBe(hash);
    expect(sourceHash({ ...original, body: "Priorité accordée aux enquêtes pénales." })).not.toBe(hash);
    expect(sourceHash({ ...original, data: { name: "Appui" } })).not.toBe(
      sourceHash({ ...original, data: { name: "Appui stratégique" } }),
    );
  });

  it("tells original, translated, outdated, missing and to write apart", () => {
    const status = (files: TranslatableFile[]) =>
      translationStatus(files, ["fr", "en", "es"]).map((row) => Object.values(row.cells).map((c) => c.state));
    expect(status([original, translated()])).toEqual([["original", "translated", "missing"]]);
    const edited = { ...original, body: "Priorité accordée aux enquêtes pénales." };
    expect(status([edited, translated()])).toEqual([["original", "outdated", "missing"]]);
    expect(status([original, translated({}, "TODO: write this text in English.")])).toEqual([
      ["original", "to write", "missing"],
    ]);
    expect(status([original, file("en", { objective: 2, order: 3 }, "Priority.")])).toEqual([
      ["untracked", "untracked", "missing"],
    ]);
  });

  it("warns about outdated and untracked translations, naming the command that records them", () => {
    const edited = { ...original, body: "Texte corrigé." };
    expect(outdatedTranslations(translationStatus([edited, translated()], ["fr", "en"])).map(formatProblem)).toEqual([
      'content/results/en/2-3.mdx, field "sourceHash": found a translation of an earlier version of content/results/fr/2-3.mdx; expected the translation brought up to date, then recorded with npm run i18n:translated -- content/results/en/2-3.mdx.',
    ]);
    expect(untrackedTranslations([original, file("en", {}, "x")]).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/results\/en\/2-3\.mdx, field "translatedFrom": found no translatedFrom in content\/results\/fr\/2-3\.mdx nor in content\/results\/en\/2-3\.mdx/,
      ),
    ]);
  });

  it("rejects translation fields that would make the status wrong", () => {
    const problems = (files: TranslatableFile[]) => translationProblems(files).map(formatProblem);
    expect(problems([original, translated()])).toEqual([]);
    expect(problems([original, translated({ translatedFrom: "en" })])).toEqual([
      expect.stringContaining('field "translatedFrom": found en, this file\'s own locale'),
    ]);
    expect(problems([original, translated({ sourceHash: undefined })])).toEqual([
      expect.stringContaining(
        'field "sourceHash": found nothing (the field is missing); expected the hash of the original\'s text, recorded with npm run i18n:translated -- content/results/en/2-3.mdx',
      ),
    ]);
    const circular = problems([
      { ...original, data: { ...original.data, translatedFrom: "en", sourceHash: "0".repeat(12) } },
      translated(),
    ]);
    expect(circular).toContainEqual(
      expect.stringContaining(
        'content/results/en/2-3.mdx, field "translatedFrom": found fr, whose file content/results/fr/2-3.mdx is itself a translation',
      ),
    );
    expect(circular).toContainEqual(
      expect.stringContaining("found a translation in every locale (fr, en), so no original"),
    );
  });

  it("records a translation in the frontmatter, keeping every other byte", () => {
    const text = '---\r\nobjective: 2\r\norder: 3\r\nsourceHash: "000000000000"\r\n---\r\n\r\nPriority.\r\n';
    expect(recordTranslation(text, "fr", "abcdef012345")).toBe(
      '---\r\nobjective: 2\r\norder: 3\r\ntranslatedFrom: fr\r\nsourceHash: "abcdef012345"\r\n---\r\n\r\nPriority.\r\n',
    );
    expect(() => recordTranslation("Priority.", "fr", "abcdef012345")).toThrow(/no frontmatter/);
  });

  it("prints one row per entry and one column per locale, and lists editorial notes", () => {
    const table = formatStatusTable(translationStatus([original, translated()], ["fr", "en"]), ["fr", "en"]);
    expect(table.split("\n")).toEqual([
      "entry        fr        en",
      "-----------  --------  ----------",
      "results/2-3  original  translated",
    ]);
    expect(
      editorialNotes([{ ...original, data: { editorialNote: "Check against the leaflet." } }, translated()]),
    ).toEqual([{ filePath: "content/results/fr/2-3.mdx", note: "Check against the leaflet." }]);
  });
});
