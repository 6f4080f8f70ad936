/** Text derived from content for titles and figures; pure so both locales format alike. */
import type { Locale } from "./locales.ts";

export interface StrategyTitleData {
  organization: string;
  title: string;
  subtitle: string;
  period: { start: number; end: number };
}

/** "2022–2025", with an en dash as in typeset ranges. */
export function formatPeriod(period: { start: number; end: number }): string {
  return period.start === period.end ? `${period.start}` : `${period.start}–${period.end}`;
}

/** "Lutte antiterroriste — Stratégie mondiale 2022–2025": the name used in titles. */
export function strategyName(data: StrategyTitleData): string {
  return `${data.title} — ${data.subtitle} ${formatPeriod(data.period)}`;
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** Plain text of a Markdown body, for meta descriptions: markup, components and extra spaces removed. */
export function plainText(markdown: string | undefined): string {
  return (markdown ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
