/** The editors' components, rendered from the documented MDX examples the way entries render them. */
import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import type { AstroComponentFactory } from "astro/runtime/server/index.js";
import { readFileSync } from "node:fs";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { bodyProblems } from "../../src/checks/body-checks";
import { editorComponents } from "../../src/lib/editor-components";
import { linkTargets } from "../../src/checks/link-targets";
import { mdxComponents } from "../../src/mdx-components";
import { text } from "../helpers/site";

const examples = import.meta.glob<AstroComponentFactory>("../../src/mdx-components/examples/*.mdx", {
  eager: true,
  import: "default",
});
const example = (name: string) => {
  const key = `../../src/mdx-components/examples/${name}.mdx`;
  return { component: examples[key]!, source: readFileSync(new URL(key, import.meta.url), "utf8") };
};
const guides = { fr: "docs/guide-edition.fr.md", en: "docs/editing-guide.en.md" };

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
});
const render = async (name: string) =>
  parse(await container.renderToString(example(name).component, { props: { components: mdxComponents } }));

describe("the components editors use in MDX", () => {
  it("has an example per component in each guide's language, valid content, quoted word for word in that guide", () => {
    const noTargets = linkTargets(new Map());
    for (const name of Object.keys(editorComponents))
      for (const [locale, guide] of Object.entries(guides)) {
        const { source } = example(`${name}.${locale}`);
        const file = {
          collection: "results",
          locale,
          name,
          id: name,
          filePath: `${name}.${locale}.mdx`,
          data: {},
          body: source,
          bodyLine: 1,
          fieldLines: {},
        } as const;
        expect(bodyProblems(file, noTargets), `${name}.${locale}`).toEqual([]);
        expect(readFileSync(guide, "utf8"), `${guide} quotes ${name}.${locale}.mdx`).toContain(source.trim());
      }
  });

  it("renders a Callout as a note with its title and text", async () => {
    const page = await render("Callout.en");
    const note = page.querySelector('div.callout[role="note"]');
    expect(text(note?.querySelector(".callout-title"))).toBe("Note");
    expect(text(note?.querySelector("p:not(.callout-title)"))).toBe(
      "The leaflet gives 195 member countries, the figure when it was published in 2022.",
    );
    expect(text((await render("Callout.fr")).querySelector(".callout-title"))).toBe("À noter");
  });

  it("renders a KeyFigure as the figure, emphasised, then its label", async () => {
    const figure = (await render("KeyFigure.fr")).querySelector("span.key-figure");
    expect(text(figure?.querySelector("strong"))).toBe("195");
    expect(text(figure)).toBe("195 pays membres");
  });

  it("adds no script and no inline style", async () => {
    for (const name of Object.keys(examples).map((k) => k.replace(/^.*\/|\.mdx$/g, ""))) {
      const html = (await render(name)).toString();
      expect(html, name).not.toMatch(/<script|style=/);
    }
  });
});
