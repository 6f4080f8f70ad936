/** Debian's Chromium through playwright-core: one launcher for every browser test and benchmark. */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** CHROMIUM_PATH overrides the Debian location. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  return env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Stops with the name of the missing program and how to install it, rather than skipping. */
export function requireChromium(): string {
  const path = chromiumPath();
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  return path;
}

// The machine's network is closed: without these flags Chromium keeps trying to reach Google's hosts.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), headless: true, args: chromiumArgs });
}
