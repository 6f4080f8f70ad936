/** Renders an entry's body for a page; while previewing, survives the moment two of Astro's files disagree. */
import { render, type CollectionEntry } from "astro:content";
import { deferredEntryMissing } from "./internals.ts";

type Rendered = Awaited<ReturnType<typeof render>>;

/**
 * The body's component, or under `astro dev` the entry's raw text when the page renders between the saves of the
 * content store and of the MDX module list (reliance 6): the page shows the text unformatted for an instant, and
 * reloads itself once both are saved (src/astro/instant-preview.ts), instead of showing a 500 page that never does.
 */
export async function renderBody(
  entry: CollectionEntry<"strategy" | "objectives" | "results" | "capabilities">,
): Promise<{ Content?: Rendered["Content"]; pending?: string }> {
  try {
    return { Content: (await render(entry)).Content };
  } catch (error) {
    if (import.meta.env.DEV && deferredEntryMissing(error)) return { pending: entry.body ?? "" };
    throw error;
  }
}
