import { describe, expect, it } from "vitest";
import { parseContentFile } from "../../src/lib/content-file";
import { fileSchemas } from "../../src/lib/collections";
import { hasPlaceholder } from "../../src/checks/body-checks";
import { parseNewEntryArgs, planNewEntry, UsageError, type NewEntryRequest } from "../../editor/scaffold";
import { sourceHash } from "../../src/checks/translations";

const locales = ["fr", "en"];
const placeholders = { fr: "TODO : écrire ce texte en français.", en: "TODO: write this text in English." };
const existing = (collection: string, name: string, locale: string, data: Record<string, unknown>) => ({
  collection,
  name,
  locale,
  filePath: `content/${collection}/${locale}/${name}.mdx`,
  data,
  body: "Text.",
});
const files = [
  ...["fr", "en"].flatMap((l) => [
    existing("objectives", "1", l, { number: 1, ...(l === "fr" ? { translatedFrom: "en" } : {}) }),
    existing("objectives", "2", l, { number: 2, ...(l === "fr" ? { translatedFrom: "en" } : {}) }),
    existing("results", "2-1", l, { objective: 2, order: 1, ...(l === "en" ? { translatedFrom: "fr" } : {}) }),
    existing("results", "2-2", l, { objective: 2, order: 2, ...(l === "en" ? { translatedFrom: "fr" } : {}) }),
    existing("capabilities", "innovation", l, { name: "Innovation", order: 1 }),
  ]),
];
const plan = (request: NewEntryRequest) => planNewEntry(request, files, locales, placeholders);
const usage = (argv: string[]) => {
  try {
    parseNewEntryArgs(argv, locales);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return "accepted";
};

describe("npm run new", () => {
  it("explains each bad argument", () => {
    expect(usage([])).toBe("expected what to create: result, objective or capability.");
    expect(usage(["résultat"])).toBe('found "résultat"; expected what to create: result, objective or capability.');
    expect(usage(["result"])).toBe(
      "a result belongs to an objective: expected --objective <number>, e.g. --objective 2.",
    );
    expect(usage(["result", "--objective", "two"])).toBe(
      '--objective: found "two"; expected a whole number such as 2.',
    );
    expect(usage(["result", "--objective"])).toBe("--objective needs a value, e.g. --objective 2.");
    expect(usage(["objective", "--objective", "2"])).toBe(
      'found the option "--objective", which "objective" does not take.',
    );
    expect(usage(["capability"])).toMatch(/^expected --file <name>/);
    expect(usage(["capability", "--file", "Forensic Support"])).toMatch(
      /^--file: found "Forensic Support"; expected lower-case letters/,
    );
    expect(usage(["result", "--objective", "2", "--source", "de"])).toBe(
      '--source: found "de"; expected a declared locale (fr, en).',
    );
    expect(usage(["result", "--objective", "2", "--source", "en"])).toBe("accepted");
  });

  it("creates a result in every locale with the next free order, the usual original first and a placeholder text", () => {
    const planned = plan({ kind: "result", objective: 2 });
    expect(planned.map((f) => f.path)).toEqual(["results/fr/2-3.mdx", "results/en/2-3.mdx"]);
    const [fr, en] = planned.map((f) => parseContentFile(f.text, f.path));
    expect(fr!.data).toEqual({ objective: 2, order: 3 });
    expect(en!.data).toEqual({
      objective: 2,
      order: 3,
      translatedFrom: "fr",
      sourceHash: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(fr!.body.trim()).toBe(placeholders.fr);
    expect(en!.body.trim()).toBe(placeholders.en);
    // The translation records the original as scaffolded, so it shows as outdated once the original is written.
    expect(en!.data!.sourceHash).toBe(sourceHash({ data: fr!.data!, body: fr!.body }));
    for (const { data } of [fr!, en!]) expect(fileSchemas.results.safeParse(data).success).toBe(true);
  });

  it("numbers a new objective after the last one, with the objectives' usual original language first", () => {
    const planned = plan({ kind: "objective" });
    expect(planned.map((f) => f.path)).toEqual(["objectives/en/3.mdx", "objectives/fr/3.mdx"]);
    expect(parseContentFile(planned[0]!.text, "").data).toEqual({ number: 3 });
  });

  it("creates a capability with the next order and a placeholder name that the checks reject", () => {
    const planned = plan({ kind: "capability", file: "forensic-support", source: "en" });
    expect(planned.map((f) => f.path)).toEqual([
      "capabilities/en/forensic-support.md",
      "capabilities/fr/forensic-support.md",
    ]);
    const en = parseContentFile(planned[0]!.text, "");
    expect(en.data).toEqual({ name: placeholders.en, order: 2 });
    expect(hasPlaceholder(String(en.data!.name))).toBe(true);
    expect(en.body).toBe("");
  });

  it("refuses an objective that does not exist and a capability that does", () => {
    expect(() => plan({ kind: "result", objective: 9 })).toThrow(
      "objective 9 does not exist; expected one of 1, 2 (create an objective first with npm run new -- objective).",
    );
    expect(() => plan({ kind: "capability", file: "innovation" })).toThrow(
      'a capability named "innovation" already exists',
    );
  });
});
