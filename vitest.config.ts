/// <reference types="vitest/config" />
// Astro's Vite config, so tests can render .astro views through the Container API.
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // The scripts tests spawn (check:content per bad-content fixture, the builds) keep their compiled code between
    // runs, so each starts faster.
    env: { NODE_COMPILE_CACHE: `${process.cwd()}/tmp/node-compile-cache` },
    projects: [
      {
        // Logic alone: nothing to set up, so one test file answers in a second or two. Pure modules share one
        // module cache across files (no isolation): most of this project's time was each file importing them again.
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], isolate: false },
      },
      {
        // Content and rendering read Astro's content store and schemas: one `astro sync`, no build of the site.
        extends: true,
        test: {
          name: "content",
          include: ["tests/{content,render}/**/*.test.ts"],
          globalSetup: ["tests/setup/sync-content.ts"],
        },
      },
      {
        // The built site, served by nginx and read in Chromium: one production build shared by every file.
        extends: true,
        test: {
          name: "site",
          include: ["tests/{build,serving,browser}/**/*.test.ts"],
          // A browser test that walks every page takes minutes on a busy shared machine: fail on a hang, not on load.
          testTimeout: 300_000,
          globalSetup: ["tests/setup/build-site.ts"],
        },
      },
    ],
  },
});
