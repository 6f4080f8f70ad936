/** Numbers, periods, sizes and the strategy's name as pages show them; pure so every locale formats alike. */
import type { Locale } from "../lib/locales.ts";

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

// Western digits in every locale, Arabic included: the content writes its figures with 0–9, as INTERPOL's and the
// United Nations' Arabic documents do, so the interface's figures match the text's whatever CLDR's default.
const digits = { numberingSystem: "latn" } as const;

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, digits).format(value);
}

const sizeUnits = [
  { unit: "megabyte", bytes: 1_000_000 },
  { unit: "kilobyte", bytes: 1_000 },
] as const;

/**
 * A file's size in the locale's words and units, e.g. "7,2 ko" or "7.2 kB" (SI units, as Intl names them), its
 * spaces non-breaking so the figure never ends a line without its unit.
 */
export function formatFileSize(locale: Locale, bytes: number): string {
  return sizeText(locale, bytes).replaceAll(" ", "\u00a0");
}

function sizeText(locale: Locale, bytes: number): string {
  const scale = sizeUnits.find((s) => bytes >= s.bytes);
  if (!scale)
    return new Intl.NumberFormat(locale, { ...digits, style: "unit", unit: "byte", unitDisplay: "long" }).format(bytes);
  const value = bytes / scale.bytes;
  return new Intl.NumberFormat(locale, {
    ...digits,
    style: "unit",
    unit: scale.unit,
    unitDisplay: "short",
    minimumFractionDigits: value < 100 ? 1 : 0,
    maximumFractionDigits: value < 100 ? 1 : 0,
  }).format(value);
}
