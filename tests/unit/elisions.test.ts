import { describe, expect, it } from "vitest";
import { elisionSeparator, joinElisions, queryWithoutElisions, splitElisions } from "../../src/lib/elisions";
import { getLocale } from "../../src/lib/locales";

const french = getLocale("fr").elisions;
const s = elisionSeparator;

describe("French elisions in search", () => {
  it("splits every elided word the French locale declares, with straight and curly apostrophes", () => {
    const pairs: [string, string][] = [
      ["l'évaluation", `l'${s}évaluation`],
      ["d’évaluations", `d’${s}évaluations`],
      ["j'ai", `j'${s}ai`],
      ["qu’il", `qu’${s}il`],
      ["n'est", `n'${s}est`],
      ["s’agit", `s’${s}agit`],
      ["c'est", `c'${s}est`],
      ["jusqu’à", `jusqu’${s}à`],
      ["lorsqu'un", `lorsqu'${s}un`],
      ["puisqu’elle", `puisqu’${s}elle`],
      ["L'Organisation", `L'${s}Organisation`],
      ["m\u02BCa", `m\u02BC${s}a`],
    ];
    for (const [text, split] of pairs) expect(splitElisions(text, french)).toBe(split);
  });

  it("leaves alone apostrophes inside a word, before a space or a digit, and every apostrophe in English", () => {
    for (const text of ["aujourd'hui", "presqu'île", "l' ", "d'2022", "INTERPOL's", "quelqu'un"])
      expect(splitElisions(text, french)).toBe(text);
    expect(splitElisions("l'évaluation", getLocale("en").elisions)).toBe("l'évaluation");
  });

  it("splits a whole sentence of the leaflet without touching anything else", () => {
    const sentence = "Priorité accrue à l'évaluation comparative des capacités des services chargés de l'application";
    expect(splitElisions(sentence, french)).toBe(
      `Priorité accrue à l'${s}évaluation comparative des capacités des services chargés de l'${s}application`,
    );
  });

  it("drops elided words from a query, so « l’évaluation » looks for the word the index holds", () => {
    expect(queryWithoutElisions("l’évaluation comparative", french)).toBe("évaluation comparative");
    expect(queryWithoutElisions("jusqu'à l'application", french)).toBe("à application");
    expect(queryWithoutElisions("aujourd'hui", french)).toBe("aujourd'hui");
  });

  it("joins elisions back in Pagefind's excerpts, marked or not, so readers see the text as written", () => {
    expect(joinElisions("à l' <mark>évaluation</mark> comparative", french)).toBe(
      "à l'<mark>évaluation</mark> comparative",
    );
    expect(joinElisions(`de l’${s}application de la loi`, french)).toBe("de l’application de la loi");
    expect(joinElisions("moyen d' <mark>évaluations</mark>", french)).toBe("moyen d'<mark>évaluations</mark>");
    expect(joinElisions("une citation ‘ici’ et là", french)).toBe("une citation ‘ici’ et là");
  });
});
