/// <reference types="vitest/config" />
// Astro's Vite config, so tests can render .astro views through the Container API.
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/setup/build-site.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
