/** Fills Astro's content store (.astro/) from content/, which rendering tests read through astro:content. */
import { spawnSync } from "node:child_process";

export default function setup() {
  const result = spawnSync("astro", ["sync"], { encoding: "utf8", env: { ...process.env, ASTRO_CACHE_DIR: ".astro" } });
  if (result.status !== 0) throw new Error(`astro sync failed:\n${result.stdout}\n${result.stderr}`);
}
