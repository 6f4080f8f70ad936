/**
 * The admin's build against the installed @sveltia/cms: every adjustment still finds what it adjusts (an upgrade that
 * changes one fails here, by name), and the backend settings are read with messages that name the file or variable.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { adjustPackage, adjustments, adminPage } from "../../build/cms-admin";
import { adminPolicy } from "../../build/csp";
import { backendConfig, backendOrigins, readSettings, settingsFile } from "../../editor/cms/settings";
import { localeCodes } from "../../src/lib/locales";

const packageCode = readFileSync(createRequire(import.meta.url).resolve("@sveltia/cms"), "utf8");
const settingsText = readFileSync(settingsFile, "utf8");

describe("the CMS's build", () => {
  it("finds, in the installed @sveltia/cms, each thing it adjusts, as many times as it expects", () => {
    expect(adjustments.length).toBeGreaterThan(3);
    const { code, problems } = adjustPackage(packageCode);
    expect(problems).toEqual([]);
    expect(code).not.toMatch(/cdn\.jsdelivr\.net\/fontsource/);
    expect(code).not.toMatch(/checkStatus:(?!void 0)\w+/);
    // The fonts still come, from the package's own copies, through the FontFace API.
    expect(code).toMatch(/new URL\(`assets\/material-symbols-outlined-[^`]+\.woff2`,import\.meta\.url\)/);
  });

  it("keeps the CMS's own translations into this site's languages and English, and no other", () => {
    const list = /`([\w,-]*en-US[\w,-]*)`\.split\(`,`\)/.exec(adjustPackage(packageCode).code)![1]!;
    const languages = list.split(",").map((code) => code.split("-")[0]!);
    expect(new Set(languages)).toEqual(
      new Set(["en", ...localeCodes.filter((l) => packageCode.includes(`../locales/${l}`))]),
    );
  });

  it("stops, naming the adjustment, when the package no longer holds what it adjusts", () => {
    const { problems } = adjustPackage(packageCode.replaceAll("checkStatus:", "checkHealth:"));
    expect(problems).toEqual([
      expect.stringMatching(/^the Git host status checks .*: found 0 place\(s\), expected 2$/),
    ]);
  });

  it("writes a page that is not indexed and runs no inline code", () => {
    const page = adminPage("/admin/assets/main-abc.js", "Édition", "JavaScript.");
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toMatch(/<script type="module" src="\/admin\/assets\/main-abc\.js"><\/script>/);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it("gives the CMS a policy of its own: inline styles there only, scripts from this site, the Git host's API", () => {
    const policy = adminPolicy(backendOrigins(readSettings({}, settingsText)));
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d]));
    expect(directives["style-src"]).toBe("style-src 'self' 'unsafe-inline'");
    expect(directives["script-src"]).toBe("script-src 'self'");
    expect(policy.match(/'unsafe-/g)).toEqual(["'unsafe-"]);
    expect(directives["connect-src"]).toContain("https://api.github.com");
  });
});

describe("the CMS's backend settings (deploy/cms-backend.json)", () => {
  it("are valid as committed, and the environment overrides them", () => {
    expect(readSettings({}, settingsText).backend).toBe("github");
    const gitlab = readSettings({ CMS_BACKEND: "gitlab", CMS_REPO: "ct/strategy", CMS_APP_ID: "abc" }, settingsText);
    expect(backendConfig(gitlab)).toMatchObject({
      name: "gitlab",
      repo: "ct/strategy",
      auth_type: "pkce",
      app_id: "abc",
    });
    expect(backendOrigins(gitlab).connect).toEqual(["https://gitlab.com"]);
  });

  it("let editors sign in with a token until a sign-in service is set up, then with GitHub as well", () => {
    const settings = readSettings({}, settingsText);
    expect(backendConfig({ ...settings, authUrl: "" }).auth_methods).toEqual(["token"]);
    expect(backendConfig({ ...settings, authUrl: "https://auth.example.org" })).toMatchObject({
      base_url: "https://auth.example.org",
      auth_methods: ["oauth", "token"],
    });
  });

  it("name the variable or the field that is wrong, what was found and what is expected", () => {
    expect(() => readSettings({ CMS_REPO: "strategy" }, settingsText)).toThrow(
      'CMS_REPO (environment): found "strategy"; expected owner/name, such as interpol/ct-strategy.',
    );
    expect(() => readSettings({}, settingsText.replace('"github"', '"bitbucket"'))).toThrow(
      `${settingsFile}, field "backend": found "bitbucket"; expected "github" or "gitlab".`,
    );
    expect(() => readSettings({}, "{")).toThrow(`${settingsFile}: found invalid JSON`);
  });
});
