import { describe, expect, it } from "vitest";
import { localeCodes } from "../../src/lib/locales";
import { formatFileSize, formatNumber } from "../../src/site/format";

describe("file sizes", () => {
  it("writes a size with the locale's decimal separator and unit", () => {
    expect(formatFileSize("fr", 7_240)).toBe("7,2\u202fko");
    expect(formatFileSize("en", 7_240)).toBe("7.2\u00a0kB");
    expect(formatFileSize("en", 123_456)).toBe("123\u00a0kB");
    expect(formatFileSize("en", 1_500_000)).toBe("1.5\u00a0MB");
    expect(formatFileSize("en", 7_032)).toBe("7.0\u00a0kB");
  });

  it("writes small files in bytes, in words", () => {
    expect(formatFileSize("fr", 512)).toBe("512\u00a0octets");
    expect(formatFileSize("en", 999)).toBe("999\u00a0bytes");
  });

  it("writes figures with Western digits in every locale, Arabic included, and never breaks a size", () => {
    for (const locale of localeCodes) {
      expect(formatFileSize(locale, 7_240), locale).toMatch(/^7[.,]2\u00a0?[^ ]+$/u);
      expect(formatNumber(locale, 195), locale).toBe("195");
    }
  });
});
