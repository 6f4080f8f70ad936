/**
 * The bench's report: one table of measures, the changes since the previous run, and BENCHMARKS.md around them.
 * Pure, so the comparison and the file's update are tested without running anything.
 */
import { markdownTable } from "../build/markdown-table.ts";

/** A number the next run compares with. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** Whether a smaller or a larger value is an improvement. */
  better: "lower" | "higher";
}

export interface Row {
  area: string;
  measure: string;
  result: string;
  goal?: string;
  /** Figures this row reports, by a key stable from run to run (e.g. build.10000.seconds). */
  figures?: Record<string, Figure>;
}

export function reportTable(rows: Row[]): string {
  return markdownTable(
    ["area", "measure", "result", "goal or budget"],
    rows.map((row) => [row.area, row.measure, row.result, row.goal ?? ""]),
  );
}

export function figuresOf(rows: Row[]): Record<string, Figure> {
  return Object.assign({}, ...rows.map((row) => row.figures ?? {}));
}

const format = (figure: Figure, value: number) =>
  `${Number.isInteger(value) ? value : value.toFixed(value < 10 ? 2 : 1)} ${figure.unit}`.trim();

/** One line per figure that moved by 2 % or more, appeared or disappeared; names whether it got better. */
export function changesSince(previous: Record<string, Figure> | undefined, current: Record<string, Figure>): string[] {
  if (!previous) return ["First run: nothing to compare with."];
  const lines: string[] = [];
  for (const [key, now] of Object.entries(current)) {
    const before = previous[key];
    if (!before) {
      lines.push(`${now.label}: ${format(now, now.value)} (new measure)`);
      continue;
    }
    if (before.value === now.value) continue;
    const change = before.value === 0 ? Infinity : (now.value - before.value) / Math.abs(before.value);
    if (Math.abs(change) < 0.02) continue;
    const improved = now.value < before.value === (now.better === "lower");
    const percent = Number.isFinite(change) ? ` (${change > 0 ? "+" : "−"}${Math.abs(change * 100).toFixed(0)} %)` : "";
    lines.push(
      `${now.label}: ${format(before, before.value)} → ${format(now, now.value)}${percent}, ${improved ? "better" : "worse"}`,
    );
  }
  for (const [key, before] of Object.entries(previous))
    if (!(key in current)) lines.push(`${before.label}: no longer measured (was ${format(before, before.value)})`);
  return lines.length > 0 ? lines : ["No figure moved by 2 % or more."];
}

/** Durations of the README build's steps, from its "✓ <step> (<n> ms)" lines. */
export function buildSteps(output: string): { name: string; ms: number }[] {
  return [...output.matchAll(/^✓ (.+) \((\d+) ms\)$/gm)].map((m) => ({ name: m[1]!, ms: Number(m[2]) }));
}

const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";
const figuresMark = /<!-- bench:figures (\{[\s\S]*?\}) -->/;

/** The figures the previous run left in BENCHMARKS.md, if any. */
export function previousFigures(markdown: string | undefined): Record<string, Figure> | undefined {
  const match = markdown && figuresMark.exec(markdown);
  return match ? (JSON.parse(match[1]!) as Record<string, Figure>) : undefined;
}

/**
 * BENCHMARKS.md with the run's output and changes between its markers; what people wrote outside them (what was
 * tried, and why) is kept as it was. A file without markers gets them at its end.
 */
export function updateBenchmarks(markdown: string | undefined, run: string, figures: Record<string, Figure>): string {
  const block = `${start}\n${run.trim()}\n\n<!-- bench:figures ${JSON.stringify(figures)} -->\n${end}`;
  if (!markdown) return `# Benchmarks\n\nWritten by \`npm run bench\`; see README.md.\n\n${block}\n`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from === -1 || to < from) return `${markdown.trimEnd()}\n\n${block}\n`;
  return `${markdown.slice(0, from)}${block}${markdown.slice(to + end.length)}`;
}
