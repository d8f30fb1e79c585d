import { describe, expect, it } from "vitest";
import { FAKE_SERIES, fakeResult } from "../../../test/helpers/fake-result.js";
import { csvField, seriesCsv } from "./series-csv.js";

describe("series.csv", () => {
  it("has the header day,date then the series columns in order, and one row per day", () => {
    const series = fakeResult().series;
    const lines = seriesCsv(series).trimEnd().split("\n");
    expect(lines[0]).toBe(`day,date,${series.columns.join(",")}`);
    expect(lines).toHaveLength(series.days + 1);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2))).toEqual(
      series.dates.map((date, day) => [String(day), date]),
    );
  });

  it("writes every value so that it reads back to the identical double", () => {
    const series = fakeResult().series;
    const rows = seriesCsv(series)
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    for (const [c, name] of series.columns.entries()) {
      const expected = FAKE_SERIES[name as keyof typeof FAKE_SERIES];
      expect(rows.map((row) => Number(row[c + 2]))).toEqual(expected);
      for (const [day, row] of rows.entries())
        expect(Object.is(Number(row[c + 2]), expected[day])).toBe(true);
    }
  });

  it("writes NaN and infinities as text a reader can parse back", () => {
    const series = {
      days: 3,
      dates: ["2024-01-01", "2024-01-02", "2024-01-03"],
      columns: ["x"],
      values: { x: Float64Array.from([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) },
    };
    expect(seriesCsv(series).trimEnd().split("\n").slice(1)).toEqual([
      "0,2024-01-01,NaN",
      "1,2024-01-02,Infinity",
      "2,2024-01-03,-Infinity",
    ]);
  });

  it("refuses a column with fewer values than days instead of writing blanks", () => {
    const series = {
      days: 2,
      dates: ["2024-01-01", "2024-01-02"],
      columns: ["x"],
      values: { x: new Float64Array(1) },
    };
    expect(() => seriesCsv(series)).toThrow(/"x" has 1 values for 2 days/);
  });

  it("quotes a header name holding a comma or a quote", () => {
    expect(csvField("trade.xa")).toBe("trade.xa");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });
});
