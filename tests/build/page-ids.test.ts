/**
 * The content checks refuse an id written in content that the page already uses (src/lib/page-ids.ts). That holds
 * only while the list knows every id the layouts and views write: each id of the built site is either the content's
 * own or one the list knows, and no page has an id twice.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { builtHtml } from "../../build/built-pages";
import { checkBody } from "../../src/checks/body-checks";
import { readContentFiles } from "../../src/checks/content-files";
import { linkTargets } from "../../src/checks/link-targets";
import { reservedId } from "../../src/lib/page-ids";

const siteDir = inject("siteDir");

describe("the ids of the built pages", () => {
  it("are each the content's own or one that src/lib/page-ids.ts reserves, and none is repeated on a page", () => {
    const targets = linkTargets(new Map());
    const written = new Set(
      readContentFiles("content").files.flatMap((file) => checkBody(file, targets).ids.map((given) => given.id)),
    );
    const unknown: string[] = [];
    const repeated: string[] = [];
    let checked = 0;
    for (const page of builtHtml(siteDir)) {
      const ids = [...readFileSync(path.join(siteDir, page.file), "utf8").matchAll(/\sid="?([^"\s>]+)/g)].map(
        (m) => m[1]!,
      );
      checked += ids.length;
      repeated.push(...ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${page.urlPath} #${id}`));
      unknown.push(...ids.filter((id) => !written.has(id) && !reservedId(id)).map((id) => `${page.urlPath} #${id}`));
    }
    expect(unknown, "ids a view writes that src/lib/page-ids.ts does not reserve").toEqual([]);
    expect(repeated).toEqual([]);
    expect(checked).toBeGreaterThan(builtHtml(siteDir).length);
  });
});
