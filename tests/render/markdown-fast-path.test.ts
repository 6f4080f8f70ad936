import { getContainerRenderer as mdxRenderer } from "@astrojs/mdx/container-renderer";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { loadRenderers } from "astro:container";
import { getCollection } from "astro:content";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { collectionNames } from "../../src/lib/collections";
import { isPlainMarkdown } from "../../src/lib/plain-markdown";

let container: AstroContainer;

beforeAll(async () => {
  container = await AstroContainer.create({ renderers: await loadRenderers([mdxRenderer()]) });
});

/** The same document whatever the serializer: entities decoded, whitespace between and inside blocks collapsed. */
const normalized = (html: string) =>
  parse(html)
    .toString()
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .replace(/> </g, "><")
    .trim();

const entries = (await Promise.all(collectionNames.map((name) => getCollection(name)))).flat();

describe("MDX files that use only Markdown, rendered as Markdown when loaded", () => {
  it("covers every entry of the real content that has text", () => {
    const withText = entries.filter((entry) => entry.body?.trim());
    expect(withText.length).toBeGreaterThan(30);
    for (const entry of withText)
      expect(entry.rendered?.html, `${entry.filePath} should be rendered when loaded`).toEqual(
        isPlainMarkdown(entry.body!) ? expect.any(String) : undefined,
      );
  });

  it("publishes the same document as the MDX compiler does for each of them", async () => {
    for (const entry of entries.filter((e) => e.rendered && e.filePath?.endsWith(".mdx"))) {
      const compiled = await import(/* @vite-ignore */ path.resolve(entry.filePath!));
      const viaMdx = await container.renderToString(compiled.default);
      expect(normalized(entry.rendered!.html), entry.filePath).toBe(normalized(viaMdx));
    }
  });
});
