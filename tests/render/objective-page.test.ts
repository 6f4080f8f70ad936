import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStrategy } from "../../src/site/load-strategy";
import { siteUrl } from "../../src/site/site-url";
import ObjectivePage from "../../src/views/ObjectivePage.astro";
import { text } from "../helpers/site";

let container: AstroContainer;

beforeAll(async () => {
  const renderers = await loadRenderers([mdxRenderer()]);
  container = await AstroContainer.create({ renderers, astroConfig: { site: siteUrl(process.env) } });
});

async function renderObjective(locale: "fr" | "en", number: number) {
  const strategy = await loadStrategy(locale);
  const objective = strategy.objectives.find((o) => o.number === number)!;
  return parse(await container.renderToString(ObjectivePage, { props: { strategy, objective } }));
}

describe("an objective page rendered through the Container API", () => {
  it("renders objective 2 in French with its statement and its four results, anchored", async () => {
    const page = await renderObjective("fr", 2);
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("fr");
    expect(text(page.querySelector("h1"))).toBe("Objectif 2");
    expect(text(page.querySelector(".statement"))).toBe(
      "Aider les pays membres à réduire le niveau de la corruption et de la criminalité financière grâce à l'échange de renseignements.",
    );
    const results = page.querySelectorAll("ol.results > li");
    expect(results.map((li) => li.id)).toEqual(["resultat-2-1", "resultat-2-2", "resultat-2-3", "resultat-2-4"]);
    expect(results[2]!.querySelector("h3 a")?.getAttribute("href")).toBe("#resultat-2-3");
    expect(text(results[2]!.querySelector("h3"))).toBe("Résultat escompté 2.3");
    expect(text(results[2]!.querySelector("p"))).toMatch(/^Priorité accordée aux activités d'enquête/);
    expect(page.querySelector('link[hreflang="en"]')?.getAttribute("href")).toBe(
      "https://ct-strategy.example.org/en/objectives/2/",
    );
  });

  it("renders objective 2 in English with the leaflet's own statement, English anchors and a switcher to French", async () => {
    const page = await renderObjective("en", 2);
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("en");
    expect(text(page.querySelector("h1"))).toBe("Objective 2");
    expect(text(page.querySelector(".statement"))).toBe(
      "Support member countries to reduce the level of corruption and financial crime through the exchange of intelligence.",
    );
    expect(page.querySelectorAll("ol.results > li").map((li) => li.id)).toEqual([
      "result-2-1",
      "result-2-2",
      "result-2-3",
      "result-2-4",
    ]);
    const switcher = page.querySelector("a[data-switcher]");
    expect(switcher?.getAttribute("href")).toBe("/fr/objectifs/2/");
    expect(switcher?.getAttribute("lang")).toBe("fr");
    expect(text(switcher)).toBe("Français");
  });
});
