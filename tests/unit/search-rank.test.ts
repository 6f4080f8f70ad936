import { describe, expect, it } from "vitest";
import { getLocale } from "../../src/lib/locales";
import { matchQuality, rankHits, textWords, weak } from "../../src/lib/search-rank";
import { splitWords } from "../../src/lib/search-words";

const french = getLocale("fr").searchWords;
const arabic = getLocale("ar").searchWords;
// Texts as the index holds them: split by the locale's search words, as build/search-records.ts writes them.
const fr = (text: string) => splitWords(text, french);
const r21 = fr(
  "Meilleure compréhension de l’évolution de la menace terroriste par les pays membres d’INTERPOL, notamment des tendances nouvelles et constantes, aux niveaux régional et mondial.",
);
const r42 = fr(
  "Attention accrue portée aux priorités stratégiques des services chargés de l’application de la loi pour faire face à l’évolution des menaces terroristes.",
);
const r23 = fr("Priorité accordée aux activités d’enquête des services nationaux chargés de l’application de la loi.");
const r31 = fr(
  "Mise au jour et démantèlement des activités terroristes, y compris des activités opérationnelles et d’enquête.",
);

const order = (query: string, texts: string[], words = french) =>
  rankHits(query, texts, (t) => t, words).map((hit) => texts.indexOf(hit));

describe("ranking Pagefind's hits", () => {
  it("puts the exact phrase first: 2.1 before 4.2 for « évolution de la menace terroriste », and the reverse", () => {
    expect(order("évolution de la menace terroriste", [r42, r21])).toEqual([1, 0]);
    expect(order("l'évolution de la menace terroriste", [r42, r21])).toEqual([1, 0]);
    expect(order("évolution des menaces terroristes", [r21, r42])).toEqual([1, 0]);
  });

  it("prefers the word form as typed, and keeps Pagefind's order otherwise", () => {
    expect(order("menace", [r42, r21])).toEqual([1, 0]);
    expect(order("menaces", [r21, r42])).toEqual([1, 0]);
    expect(order("services", [r42, r23])).toEqual([0, 1]);
  });

  it("matches phrases across elided words, without accents, and with the last word still being typed", () => {
    expect(order("activités d’enquête", [r31, r23])).toEqual([1, 0]);
    expect(order("evolution de la menace terroriste", [r42, r21])).toEqual([1, 0]);
    expect(matchQuality(textWords("evolution de la menace"), textWords(r21)).phrase).toBe(2);
    expect(matchQuality(textWords("évolution de la men"), textWords(r21)).phrase).toBe(1);
  });

  it("matches Arabic words written attached, as the index splits them", () => {
    const text = splitWords("مكافحة الإرهاب والفساد والجريمة المنظمة", arabic);
    const other = splitWords("تعزيز التعاون الشرطي الإقليمي", arabic);
    expect(order("الفساد", [other, text], arabic)).toEqual([1]);
    expect(order("والفساد والجريمة", [other, text], arabic)).toEqual([1]);
  });

  it("leaves out hits that share no word with the query, which Pagefind finds through a short prefix", () => {
    expect(order("axyzq", [r21, r42])).toEqual([]);
    expect(weak(matchQuality(textWords("assessments"), textWords("Aider les pays membres à traduire")))).toBe(true);
    expect(weak(matchQuality(textWords("deplacements"), textWords("leurs déplacements transfrontaliers")))).toBe(false);
    expect(weak(matchQuality(textWords("crime"), textWords("la criminalité financière")))).toBe(false);
    // Contained, not only at the start: Arabic attaches و to the word the stemmer finds.
    expect(weak(matchQuality(textWords("تفكيك"), textWords("وتفكيكها")))).toBe(false);
  });
});
