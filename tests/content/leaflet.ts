/** Reads the source leaflet (a verbatim copy in tests/fixtures/source/) into its parts, to compare content with it. */
import { readFileSync } from "node:fs";

export interface Leaflet {
  introduction: string;
  mandate: string;
  objectives: Map<number, string>;
  results: Map<number, string[]>;
}

export function readLeaflet(file = "tests/fixtures/source/strategy-leaflet.md"): Leaflet {
  const lines = readFileSync(file, "utf8").split("\n");
  const objectives = new Map<number, string>();
  const results = new Map<number, string[]>();
  let introduction = "";
  let mandate = "";
  let heading = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("#")) {
      heading = line.replace(/^#+\s*/, "");
      continue;
    }
    const objective = /^OBJECTIVE (\d+):$/.exec(heading);
    const results_ = /^OBJECTIF (\d+)$/.exec(heading);
    if (objective) objectives.set(Number(objective[1]), line);
    else if (results_ && line.startsWith("- ")) {
      const n = Number(results_[1]);
      results.set(n, [...(results.get(n) ?? []), line.slice(2)]);
    } else if (heading === "MANDAT") mandate = line.replace(/^\*|\*$/g, "");
    else if (heading.startsWith("LUTTE ANTITERRORISTE")) introduction = line;
  }
  return { introduction, mandate, objectives, results };
}
