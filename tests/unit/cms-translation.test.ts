/** Translation state in the CMS: the browser's hash is the one npm run i18n:translated records, on the same text. */
import { describe, expect, it } from "vitest";
import { markTranslations, type EntryMap } from "../../editor/cms/pre-save";
import { draftFile, draftState, sourceHashOf } from "../../editor/cms/translation-state";
import { readContentFiles } from "../../src/checks/content-files";
import { sourceHash } from "../../src/checks/translations";

const { files } = readContentFiles("content");

describe("translation state in the CMS", () => {
  it("hashes every content file with Web Crypto exactly as npm run i18n:translated does with node:crypto", async () => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(await sourceHashOf(file), file.filePath).toBe(sourceHash(file));
    // Every recorded hash is the browser's hash of its original as it is now.
    for (const file of files.filter((f) => f.data.translatedFrom)) {
      const original = files.find(
        (f) => f.collection === file.collection && f.name === file.name && f.locale === file.data.translatedFrom,
      )!;
      expect(await sourceHashOf(original), file.filePath).toBe(file.data.sourceHash);
    }
  });

  it("leaves out of the hash what is never written: the CMS's own field and empty fields", async () => {
    const draft = draftFile({ objective: 2, order: 3, editorialNote: "", cmsFile: '{"order":[]}', body: "Texte." });
    expect(draft).toEqual({ data: { objective: 2, order: 3 }, body: "Texte." });
  });

  it("tells original, translated, outdated and to write apart, as npm run i18n:status does", async () => {
    const fr = { data: { objective: 2, order: 3 }, body: "Priorité aux enquêtes." };
    const hash = await sourceHashOf(fr);
    const en = (data: Record<string, unknown>, body = "Priority to investigations.") => ({
      data: { objective: 2, order: 3, ...data },
      body,
    });
    const state = async (own: ReturnType<typeof en>, locale = "en") =>
      (await draftState(own, { fr, en: own }, "fr", locale)).state;
    expect(await state(en({}), "fr")).toBe("original");
    expect(await draftState(fr, { fr }, "fr", "fr")).toEqual({ state: "original" });
    expect(await state(en({ translatedFrom: "fr", sourceHash: hash }))).toBe("translated");
    expect(await state(en({ translatedFrom: "fr", sourceHash: "000000000000" }))).toBe("outdated");
    // A new translation names no original yet: it translates the collection's original language.
    expect(await draftState(en({}), { fr, en: en({}) }, "fr", "en")).toEqual({ state: "outdated", from: "fr", hash });
    expect(await state(en({ translatedFrom: "fr" }, ""))).toBe("to write");
    expect(await state(en({ translatedFrom: "fr", sourceHash: hash }, "TODO: write this text in English."))).toBe(
      "to write",
    );
  });

  it("fills translatedFrom in a translation marked up to date that does not name its original yet, and nothing else", () => {
    const entry = (values: Record<string, Record<string, unknown>>): EntryMap => {
      const get = (path: string[]) =>
        path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], {
          collection: "results",
          i18n: values,
        });
      return {
        get: (key) => (key === "i18n" ? { keys: () => Object.keys(values) } : get([key])),
        getIn: get,
        setIn: (path, value) => {
          const copy = structuredClone(values);
          (copy[path[1]!]!.data as Record<string, unknown>)[path[3]!] = value;
          return Object.assign(entry(copy), { values: copy });
        },
      };
    };
    const marked = markTranslations(entry({ en: { data: { sourceHash: "0123456789ab" } } }), { results: "fr" });
    expect((marked as unknown as { values: unknown }).values).toEqual({
      en: { data: { sourceHash: "0123456789ab", translatedFrom: "fr" } },
    });
    expect(
      markTranslations(entry({ en: { data: { sourceHash: "0123456789ab", translatedFrom: "fr" } } }), {
        results: "fr",
      }),
    ).toBeUndefined();
    expect(markTranslations(entry({ en: { data: {} } }), { results: "fr" })).toBeUndefined();
  });
});
