import { describe, expect, it } from "vitest";
import { getLocale, hasItalics, localeCodes } from "../../src/lib/locales";
import { langAttributes } from "../../src/site/lang";

describe("the attributes of text in a locale", () => {
  it("tells scripts with italics from scripts without, from CLDR's likely script", () => {
    expect(hasItalics("fr")).toBe(true);
    expect(hasItalics("ar")).toBe(false);
    expect(hasItalics("he" as never)).toBe(false);
    expect(hasItalics("ru" as never)).toBe(true);
  });

  it("gives every locale its lang and declared direction, and marks upright the scripts without italics", () => {
    for (const locale of localeCodes) {
      const attributes = langAttributes(locale);
      expect(attributes.lang).toBe(locale);
      expect(attributes.dir).toBe(getLocale(locale).dir);
      expect(attributes.class === "upright", locale).toBe(!hasItalics(locale));
    }
  });
});
