import { describe, expect, it } from "vitest";
import { scriptJson } from "../../src/site/search-config";

describe("the search page's configuration in its page", () => {
  it("is JSON in which no text can close the <script> element that carries it", () => {
    const value = { strings: { none: "</script><script>alert(1)</script> « {{query}} »" } };
    const json = scriptJson(value);
    expect(json).not.toMatch(/<\/?script/i);
    expect(JSON.parse(json)).toEqual(value);
  });
});
