import { readFileSync } from "node:fs";
import { HtmlValidate, StaticConfigLoader, type ConfigData } from "html-validate";
import { describe, expect, inject, it } from "vitest";
import { builtPaths, fileFor } from "../helpers/site";

const siteDir = inject("siteDir");
const config = JSON.parse(readFileSync(".htmlvalidate.json", "utf8")) as ConfigData;

describe("html-validate with the repository's .htmlvalidate.json", () => {
  it("finds no error in any built HTML file", async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const paths = builtPaths(siteDir);
    const errors: string[] = [];
    for (const urlPath of paths) {
      const report = await validator.validateString(readFileSync(fileFor(siteDir, urlPath), "utf8"), urlPath);
      for (const message of report.results.flatMap((r) => r.messages))
        errors.push(`${urlPath}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
    expect(paths.length).toBeGreaterThanOrEqual(18);
  });

  it("would report a real mistake, such as a duplicate id, with its page and rule", async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const page = readFileSync(fileFor(siteDir, "/fr/"), "utf8").replace("</main>", '<p id="main">x</p></main>');
    const report = await validator.validateString(page, "/fr/");
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toContain("no-dup-id");
  });
});
