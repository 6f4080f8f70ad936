import { describe, expect, it } from "vitest";
import {
  blockSeparator,
  hitLink,
  readSearchState,
  searchFilters,
  searchStateQuery,
  textDirectives,
} from "../../src/lib/search-url";

describe("search state in the URL", () => {
  it("reads the query and filters the search form submits, and writes them back the same way", () => {
    const state = readSearchState("?q=%C3%A9valuation+comparative&objective=3&kind=result");
    expect(state).toEqual({ q: "évaluation comparative", objective: "3", kind: "result" });
    expect(readSearchState(searchStateQuery(state))).toEqual(state);
    expect(searchFilters(state)).toEqual({ objective: "3", kind: "result" });
  });

  it("drops filter values no page offers and writes nothing for an empty search", () => {
    expect(readSearchState("?q=+&objective=x1&kind=page")).toEqual({ q: "", objective: "", kind: "" });
    expect(searchStateQuery({ q: "", objective: "", kind: "" })).toBe("");
    expect(searchFilters({ q: "a", objective: "", kind: "" })).toEqual({});
  });
});

describe("links of search hits", () => {
  it("points a text fragment at each marked word, with the words around it as context", () => {
    const excerpt = "Priorité accrue à l'<mark>évaluation</mark> comparative des capacités";
    expect(textDirectives(excerpt)).toEqual([
      "Priorit%C3%A9%20accrue%20%C3%A0-,l'%C3%A9valuation,-comparative%20des%20capacit%C3%A9s",
    ]);
    expect(hitLink("/fr/objectifs/3/#resultat-3-2", excerpt, true)).toBe(
      `/fr/objectifs/3/#resultat-3-2:~:text=${textDirectives(excerpt)[0]}`,
    );
  });

  it("takes up to eight words of context either side, so a phrase every result repeats still points at this hit", () => {
    const excerpt =
      "capacités des <mark>services</mark> chargés de l'application de la loi face à certains types d'activités";
    const [directive] = textDirectives(excerpt).map(decodeURIComponent);
    expect(directive).toBe("capacités des-,services,-chargés de l'application de la loi face à");
  });

  it("escapes the characters that separate a directive's parts, and decodes the excerpt's entities", () => {
    const [directive] = textDirectives("cross-border <mark>R&amp;D,</mark> work-flow");
    expect(directive).toBe("cross%2Dborder-,R%26D%2C,-work%2Dflow");
  });

  it("keeps a directive's context inside the block of its word, since browsers match no context across blocks", () => {
    const excerpt = `Appui stratégique ${blockSeparator} <mark>Innovation</mark> ${blockSeparator} Gestion des connaissances`;
    expect(textDirectives(excerpt)).toEqual(["Innovation"]);
  });

  it("gives one directive per distinct marked word, at most three", () => {
    const excerpt = "<mark>a</mark> <mark>b</mark> <mark>A</mark> <mark>c</mark> <mark>d</mark>";
    expect(
      textDirectives(excerpt).map((d) => d.split(",").find((p) => !p.endsWith("-") && !p.startsWith("-"))),
    ).toEqual(["a", "b", "c"]);
  });

  it("links the bare URL when the browser has no text fragments or nothing is marked", () => {
    expect(hitLink("/en/objectives/1/#result-1-1", "their <mark>movements</mark>", false)).toBe(
      "/en/objectives/1/#result-1-1",
    );
    expect(hitLink("/en/capabilities/", "no marks here", true)).toBe("/en/capabilities/");
    expect(hitLink("/en/capabilities/", "<mark>Innovation</mark>", true)).toBe("/en/capabilities/#:~:text=Innovation");
  });
});
