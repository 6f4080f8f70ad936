import { describe, expect, it } from "vitest";
import { getLocale } from "../../src/lib/locales";
import { joinWords, queryWords, splitWords, wordSeparator } from "../../src/lib/search-words";

const french = getLocale("fr").searchWords;
const arabic = getLocale("ar").searchWords;
const s = wordSeparator;

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
    for (const [text, split] of pairs) expect(splitWords(text, french)).toBe(split);
  });

  it("leaves alone apostrophes inside a word, before a space or a digit, and every apostrophe in English", () => {
    for (const text of ["aujourd'hui", "presqu'île", "l' ", "d'2022", "INTERPOL's", "quelqu'un"])
      expect(splitWords(text, french)).toBe(text);
    expect(splitWords("l'évaluation", getLocale("en").searchWords)).toBe("l'évaluation");
  });

  it("splits a whole sentence of the leaflet without touching anything else", () => {
    const sentence = "Priorité accrue à l'évaluation comparative des capacités des services chargés de l'application";
    expect(splitWords(sentence, french)).toBe(
      `Priorité accrue à l'${s}évaluation comparative des capacités des services chargés de l'${s}application`,
    );
  });

  it("drops elided words from a query, so « l’évaluation » looks for the word the index holds", () => {
    expect(queryWords("l’évaluation comparative", french)).toBe("évaluation comparative");
    expect(queryWords("jusqu'à l'application", french)).toBe("à application");
    expect(queryWords("aujourd'hui", french)).toBe("aujourd'hui");
  });

  it("joins elisions back in Pagefind's excerpts, marked or not, so readers see the text as written", () => {
    expect(joinWords("à l' <mark>évaluation</mark> comparative", french)).toBe(
      "à l'<mark>évaluation</mark> comparative",
    );
    expect(joinWords(`de l’${s}application de la loi`, french)).toBe("de l’application de la loi");
    expect(joinWords("moyen d' <mark>évaluations</mark>", french)).toBe("moyen d'<mark>évaluations</mark>");
    expect(joinWords("une citation ‘ici’ et là", french)).toBe("une citation ‘ici’ et là");
  });
});

describe("Arabic words written attached in search", () => {
  it("splits the article with the conjunction or preposition before it, and the preposition ل, from the word", () => {
    const pairs: [string, string][] = [
      ["والفساد", `وال${s}فساد`],
      ["الفساد", `ال${s}فساد`],
      ["بالجرائم", `بال${s}جرائم`],
      ["فالتعاون", `فال${s}تعاون`],
      ["كالإرهاب", `كال${s}إرهاب`],
      ["وبالتنسيق", `وبال${s}تنسيق`],
      ["للتعاون", `لل${s}تعاون`],
      ["وللشركاء", `ولل${s}شركاء`],
      ["لإنفاذ", `ل${s}إنفاذ`],
    ];
    for (const [text, split] of pairs) expect(splitWords(text, arabic)).toBe(split);
  });

  it("keeps whole a word too short to hold a proclitic and a stem, and letters inside a word", () => {
    for (const word of ["لكن", "بال", "والي", "لدى", "فساد", "وطنية", "الإنتربول"]) {
      const split = splitWords(word, arabic);
      expect(split.replaceAll(s, "").length, word).toBe(word.length);
    }
    expect(splitWords("لكن", arabic)).toBe("لكن");
    expect(splitWords("والي", arabic)).toBe("والي");
    expect(splitWords("فساد", arabic)).toBe("فساد");
    expect(splitWords("مجالات", arabic)).toBe("مجالات");
  });

  it("splits a whole objective statement, every other character kept", () => {
    const statement = "إظهار الريادة العالمية لمجتمع إنفاذ القانون فيما يتعلق بالجرائم المالية والفساد.";
    const split = splitWords(statement, arabic);
    expect(split.replaceAll(s, "")).toBe(statement);
    expect(split).toBe(
      `إظهار ال${s}ريادة ال${s}عالمية ل${s}مجتمع إنفاذ ال${s}قانون فيما يتعلق بال${s}جرائم ال${s}مالية وال${s}فساد.`,
    );
  });

  it("drops proclitics from a query, so « الفساد » and « والفساد » look for « فساد »", () => {
    for (const query of ["فساد", "الفساد", "والفساد"]) expect(queryWords(query, arabic)).toBe("فساد");
    expect(queryWords("الجرائم المالية", arabic)).toBe("جرائم مالية");
  });

  it("joins proclitics back in Pagefind's excerpts, so readers see the words whole", () => {
    expect(joinWords("المالية وال <mark>فساد</mark>.", arabic)).toBe("المالية وال<mark>فساد</mark>.");
    expect(joinWords(`<mark>ال</mark> <mark>فساد</mark>`, arabic)).toBe("<mark>ال</mark><mark>فساد</mark>");
    expect(joinWords(`بال${s}جرائم`, arabic)).toBe("بالجرائم");
    expect(joinWords("و لكن", arabic)).toBe("و لكن");
  });

  it("is nothing to a locale that declares nothing", () => {
    const none = { elisions: [], proclitics: [], stopWords: [] };
    expect(splitWords("l'évaluation والفساد", none)).toBe("l'évaluation والفساد");
    expect(queryWords("الفساد", none)).toBe("الفساد");
    expect(joinWords("l' <mark>x</mark>", none)).toBe("l' <mark>x</mark>");
  });
});
