/** Names the generated configuration and the admin's code must agree on; read by both, written here once. */

/** The CMS-only field holding how a file was laid out when read (and why it cannot be saved, if so); never written. */
export const fileField = "cmsFile";

/** Custom field types registered by editor/cms/main.ts. */
export const fieldTypes = { fileNotice: "file-notice", translationStatus: "translation-status" } as const;

/** Custom file formats, by file extension: Sveltia wants the names to end in -frontmatter. */
export const formatNames = { md: "faithful-md-frontmatter", mdx: "faithful-mdx-frontmatter" } as const;

/** Editor components, by the MDX component they write (src/lib/editor-components.ts). */
export const componentIds = { Callout: "callout", KeyFigure: "key-figure" } as const;

/** The admin's configuration for a UI locale, beside its page: /admin/config.fr.json. */
export const configFileName = (locale: string) => `config.${locale}.json`;

/** Strings the admin's own widgets show, passed in each field's configuration under this key. */
export const stringsKey = "strings";
