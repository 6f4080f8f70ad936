/** The components editors use in MDX without importing them; EntryBody passes them to every entry's <Content>. */
import type { EditorComponentName } from "../lib/editor-components.ts";
import Callout from "./Callout.astro";
import KeyFigure from "./KeyFigure.astro";

// Keyed by the names the content checks accept (src/lib/editor-components.ts): a name missing here fails type checking.
export const mdxComponents = { Callout, KeyFigure } satisfies Record<EditorComponentName, unknown>;
