import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { builtPaths } from "../helpers/site";

const siteDir = inject("siteDir");
const broken = path.resolve(`tmp/links-broken-${process.pid}`);
afterAll(() => rmSync(broken, { recursive: true, force: true }));

const checkLinks = (dir: string) => spawnSync("node", ["scripts/check-links.ts", dir], { encoding: "utf8" });

describe("the link check script over the built site", () => {
  it("finds every internal link, file and anchor of the real build resolving, with no cross-locale or vague link", () => {
    const result = checkLinks(siteDir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const [, links, pages] = /Links checked: (\d+) in (\d+) pages/.exec(result.stdout)!;
    expect(Number(pages)).toBe(builtPaths(siteDir).length);
    expect(Number(links)).toBeGreaterThan(Number(pages) * 10);
  });

  it("fails on a built page with a broken anchor, naming the page and the link", () => {
    cpSync(siteDir, broken, { recursive: true });
    const file = path.join(broken, "en/index.html");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("</main>", '<a href="/en/objectives/1/#result-1-99">Result 1.99</a></main>'),
    );
    const result = checkLinks(broken);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `/en/: found <a href="/en/objectives/1/#result-1-99">, whose #result-1-99 is no id`,
    );
  });
});
