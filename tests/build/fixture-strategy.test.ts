import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHomeLinksToDataFiles, expectOpenDataMatchesContent, readDataFiles } from "../helpers/open-data";
import { localeCodes } from "../../src/lib/locales";
import { pageAt, pathFor } from "../../src/lib/routes";
import { buildSite, builtPaths, readBuilt, readPage, text } from "../helpers/site";

const out = path.resolve(`tmp/fixture-small-site-${process.pid}`);
let build: { status: number | null; output: string };

beforeAll(() => {
  build = buildSite({ contentDir: "tests/fixtures/strategy-small", out });
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}-cache`, { recursive: true, force: true });
});

describe("a second strategy with 2 objectives and 5 results", () => {
  it("builds with the same code", () => {
    expect(build.status, build.output).toBe(0);
  });

  it("has one page per objective and no page of the real strategy", () => {
    const objectivePages = builtPaths(out).filter((p) => pageAt(p)?.page.kind === "objective");
    expect(objectivePages.sort()).toEqual(
      localeCodes
        .flatMap((locale) => [1, 2].map((objective) => pathFor(locale, { kind: "objective", objective })))
        .sort(),
    );
  });

  it("renders its own figures, titles and results", () => {
    const home = readPage(out, "/fr/");
    expect(text(home.querySelector("h1"))).toBe("Fixture Org — Sécurité routière Plan d'essai 2030–2031");
    expect(home.querySelectorAll(".figures li").map(text)).toEqual([
      "12 pays membres",
      "2 objectifs",
      "5 résultats escomptés",
      "2 capacités",
      "2030–2031 période couverte",
    ]);
    expect(home.querySelectorAll(".cards .meta").map(text)).toEqual(["2 résultats escomptés", "3 résultats escomptés"]);
    const objective = readPage(out, "/en/objectives/2/");
    expect(objective.querySelectorAll("ol.results > li").map((li) => li.id)).toEqual([
      "result-2-1",
      "result-2-2",
      "result-2-3",
    ]);
    expect(text(objective.querySelector("#result-2-3 p"))).toBe("Made-up result 2.3, zebra.");
    expect(readPage(out, "/en/results/").querySelectorAll("ol.results > li")).toHaveLength(5);
  });

  it("publishes as written a file saved with a byte-order mark and Windows line endings, and typographic punctuation", () => {
    const page = readPage(out, "/fr/objectifs/1/");
    expect(text(page.querySelector("#resultat-1-1 p"))).toBe("Résultat fictif 1.1, zèbre.");
    expect(page.querySelector("#resultat-1-2 p")?.textContent.trim()).toBe(
      "=SOMME(A1) n’est pas une formule\u00a0: « résultat fictif 1.2 », zèbre\u202f?",
    );
    expect(readBuilt(out, "/fr/objectifs/1/")).not.toContain("\ufeff");
  });

  it("starts a CSV cell that a spreadsheet would run as a formula with a single quote, in every locale", () => {
    const formulas = localeCodes.flatMap((locale) => {
      const { csv, json } = readDataFiles(out, locale);
      const rows = csv.toString("utf8").split("\r\n");
      return json.objectives.flatMap((objective) =>
        objective.results
          .filter((result) => /^[=+\-@]/.test(result.text))
          .map((result) => {
            const row = rows.find((r) => r.startsWith(`${objective.number},${result.order},`));
            // The JSON keeps the text as written: only spreadsheets need the quote.
            expect(row, `${locale} ${result.number}`).toContain(
              `,"'${result.text.split("\n")[0]!.replaceAll('"', '""')}`,
            );
            return `${locale} ${result.number}`;
          }),
      );
    });
    // The fixture writes a formula-like result in French (=SOMME) and in English (+33).
    expect(formulas.length).toBeGreaterThanOrEqual(2);
  });

  it("publishes its own open data files and full-strategy page, checked like the real strategy's", () => {
    expectOpenDataMatchesContent(out, "tests/fixtures/strategy-small");
    expectHomeLinksToDataFiles(out);
    expect(readDataFiles(out, "en").json.objectives.flatMap((o) => o.results)).toHaveLength(5);
    expect(readPage(out, "/fr/strategie/").querySelectorAll("main ol.results > li")).toHaveLength(5);
  });
});
