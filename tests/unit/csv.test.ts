import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { byteOrderMark, csvField, toCsv } from "../../src/site/csv";

describe("CSV files", () => {
  it("quotes only the fields that hold a comma, a quote or a line break, doubling quotes", () => {
    expect(csvField("plain text")).toBe("plain text");
    expect(csvField(12)).toBe("12");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "yes"')).toBe('"say ""yes"""');
    expect(csvField("two\n\nparagraphs")).toBe('"two\n\nparagraphs"');
    expect(csvField("carriage\rreturn")).toBe('"carriage\rreturn"');
  });

  it("neutralises a text a spreadsheet would run as a formula, following OWASP: a leading single quote, and quotes", () => {
    for (const text of ["=1+1", "+33 1 23", "-10 % de délais", "@SUM(A1)", "\tindent", "\rreturn", "＝1+1"])
      expect(csvField(text), JSON.stringify(text)).toBe(`"'${text}"`);
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    // Numbers are not text: a negative one stays a number.
    expect(csvField(-1)).toBe("-1");
    expect(csvField("Priorité accordée - ici")).toBe("Priorité accordée - ici");
  });

  it("starts with a byte-order mark and ends every record with CRLF", () => {
    const csv = toCsv([
      ["a", "b"],
      [1, "é"],
    ]);
    expect(csv).toBe(`${byteOrderMark}a,b\r\n1,é\r\n`);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("reads back, with an independent parser, exactly the rows it was given", () => {
    const rows = [
      ["objective", "text"],
      ["1", 'Commas, "quotes", accents (é, œ, ’) and\n\na second paragraph'],
      ["2", ""],
    ];
    expect(parse(toCsv(rows), { bom: true, relax_column_count: false })).toEqual(rows);
  });
});
