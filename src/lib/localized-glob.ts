/** A glob loader over content/<collection>/<locale>/ whose number references stay inside their locale. */
import type { ContentEntryRenderFunction, ContentEntryType } from "astro";
import { glob } from "astro/loaders";
import type { DataStore, Loader, LoaderContext, ParseDataOptions } from "astro/loaders";
import { qualifyReferences } from "./entry-ids.ts";
import { writeThrough } from "./instant-preview.ts";
import { isPlainMarkdown } from "./plain-markdown.ts";

/** Astro hands its glob loader the entry types by extension; not in the public type, so optional here. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

/**
 * .mdx files that use nothing but Markdown are rendered like .md files when loaded; the others are left to the MDX
 * compiler. Editors keep one extension, and a big strategy builds in seconds rather than minutes.
 */
function markdownWhenPlain(entryTypes: GlobContext["entryTypes"]): GlobContext["entryTypes"] {
  const markdown = entryTypes?.get(".md");
  const mdx = entryTypes?.get(".mdx");
  if (!entryTypes || !markdown?.getRenderFunction || !mdx) return entryTypes;
  const markdownRenderer = markdown.getRenderFunction.bind(markdown);
  const mdxOrMarkdown: ContentEntryType = {
    ...mdx,
    async getRenderFunction(config) {
      const render = await markdownRenderer(config);
      // No rendered HTML leaves the entry to MDX: deferToMdx below marks it for compiling.
      return (async (entry) =>
        isPlainMarkdown(entry.body ?? "") ? render(entry) : undefined) as ContentEntryRenderFunction;
    },
  };
  return new Map(entryTypes).set(".mdx", mdxOrMarkdown);
}

function deferToMdx(store: DataStore): DataStore {
  return {
    ...store,
    set: (entry) =>
      store.set(!entry.rendered && entry.filePath?.endsWith(".mdx") ? { ...entry, deferredRender: true } : entry),
  };
}

export function localizedGlob(options: { base: string; references?: readonly string[] }): Loader {
  const inner = glob({ base: options.base, pattern: "*/*.{md,mdx}" });
  const fields = options.references ?? [];
  return {
    name: "localized-glob",
    load: async (context: GlobContext) => {
      // A content store kept from before this loader rendered plain MDX when loading holds entries left to MDX.
      if (context.meta.get("plain-mdx-as-markdown") !== "1") context.store.clear();
      context.meta.set("plain-mdx-as-markdown", "1");
      // Once loaded, each edit is saved at once while previewing (src/lib/instant-preview.ts).
      let loaded = false;
      await inner.load({
        ...context,
        entryTypes: markdownWhenPlain(context.entryTypes),
        store: writeThrough(deferToMdx(context.store), () => loaded),
        parseData: <T extends Record<string, unknown>>(props: ParseDataOptions<T>) =>
          context.parseData({ ...props, data: qualifyReferences(props.id, props.data, fields) as T }),
      } as GlobContext);
      loaded = true;
    },
  };
}
