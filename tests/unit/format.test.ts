import { describe, expect, it } from "vitest";
import { formatFileSize } from "../../src/site/format";

describe("file sizes", () => {
  it("writes a size with the locale's decimal separator and unit", () => {
    expect(formatFileSize("fr", 7_240)).toBe("7,2\u202fko");
    expect(formatFileSize("en", 7_240)).toBe("7.2 kB");
    expect(formatFileSize("en", 123_456)).toBe("123 kB");
    expect(formatFileSize("en", 1_500_000)).toBe("1.5 MB");
    expect(formatFileSize("en", 7_032)).toBe("7.0 kB");
  });

  it("writes small files in bytes, in words", () => {
    expect(formatFileSize("fr", 512)).toBe("512\u00a0octets");
    expect(formatFileSize("en", 999)).toBe("999 bytes");
  });
});
