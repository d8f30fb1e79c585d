import { describe, expect, it } from "vitest";
import { InputError, type InputIssue } from "../errors/index.js";
import { createStream } from "../random/index.js";
import { fitHawkes } from "./hawkes-fit.js";
import { simulateHawkes } from "./hawkes-simulate.js";
import { isoToEpochDays, parseIncidentEvents, spreadWithinDay, timesByZone } from "./incident-events.js";

const issuesOf = (text: string): InputIssue[] => {
  try {
    parseIncidentEvents(text, "events.csv");
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
};

describe("incident event files", () => {
  it("reads numeric times with fatalities and zones, sorted by time", () => {
    const events = parseIncidentEvents(
      'time,fatalities,zone,notes\n3.5,2,north,market\n0.25,0,south,\n1,10,north,"bomb, car"\n',
      "events.csv",
    );
    expect(events.times).toEqual([0.25, 1, 3.5]);
    expect(events.fatalities).toEqual([0, 10, 2]);
    expect(events.zones).toEqual(["south", "north", "north"]);
    expect(events.lines).toEqual([3, 4, 2]);
    expect(events.timeColumn).toBe("time");
    expect(events.horizon).toBe(3.5);
    expect(events.origin).toBeUndefined();
  });

  it("converts dates to days since the first event's day and suggests the end of the last day as horizon", () => {
    const text =
      "\uFEFFDate , Zone\r\n2024-03-01,a\r\n# a comment\r\n\r\n2024-02-28,b\r\n2024-03-01T12:00,a\r\n";
    const events = parseIncidentEvents(text, "events.csv");
    expect(events.times).toEqual([0, 2, 2.5]); // 2024 is a leap year: Feb 29 lies between
    expect(events.origin).toBe("2024-02-28");
    expect(events.horizon).toBe(3);
    expect(events.timeColumn).toBe("date");
    expect(events.fatalities).toBeUndefined();
    expect(timesByZone(events)).toEqual(
      new Map([
        ["b", [0]],
        ["a", [2, 2.5]],
      ]),
    );
  });

  it("reports every bad row at once with file, line and column", () => {
    const issues = issuesOf('time,fatalities\n1,0\n-2,0\nabc,1\n3,-1\n4\n5,"x\n');
    expect(issues.map((i) => [i.code, i.file, i.line, i.path])).toEqual([
      ["not-a-number", "events.csv", 3, "time"],
      ["not-a-number", "events.csv", 4, "time"],
      ["not-a-number", "events.csv", 5, "fatalities"],
      ["column-count", "events.csv", 6, undefined],
      ["bad-csv", "events.csv", 7, undefined],
    ]);
    expect(issues[2]).toMatchObject({ column: 2, found: '"-1"' });
  });

  it("rejects impossible dates and empty zones", () => {
    const issues = issuesOf("date,zone\n2023-02-29,a\n2023-13-01,a\n2023-01-05,\n01/02/2023,a\n");
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["bad-date", 2],
      ["bad-date", 3],
      ["missing-value", 4],
      ["bad-date", 5],
    ]);
  });

  it("names the missing time column and suggests the closest header", () => {
    const [issue] = issuesOf("tme,zone\n1,a\n");
    expect(issue).toMatchObject({ code: "missing-column", file: "events.csv", line: 1, suggestion: "time" });
    expect(issuesOf("time,date\n1,2024-01-01\n")[0]?.code).toBe("conflicting-columns");
    expect(issuesOf("")[0]?.code).toBe("empty-file");
    expect(issuesOf("time\n")[0]?.code).toBe("no-events");
  });

  it("parses ISO dates and date-times to epoch days", () => {
    expect(isoToEpochDays("1970-01-02")).toBe(1);
    expect(isoToEpochDays("1970-01-01T06:00:00Z")).toBe(0.25);
    expect(isoToEpochDays("2024-02-30")).toBeNaN();
    expect(isoToEpochDays("1970-01-01T24:00")).toBeNaN();
  });

  it("spreads day-rounded events within their day, keeping each on its day", () => {
    const spread = spreadWithinDay([0, 0, 0, 3, 5], createStream(1, 0, "jitter"));
    expect(spread.map(Math.floor)).toEqual([0, 0, 0, 3, 5]);
    expect(new Set(spread).size).toBe(5);
    expect(spread).toEqual([...spread].sort((a, b) => a - b));
    expect(spreadWithinDay([0, 0, 0, 3, 5], createStream(1, 0, "jitter"))).toEqual(spread);
  });

  it("feeds a fit from a CSV written from a simulated series", () => {
    const truth = { mu: 0.5, alpha: 0.8, beta: 1.2 };
    const times = simulateHawkes(truth, 2000, createStream(3, 0, "csv"));
    const csv = `time\n${times.map((t) => t.toPrecision(17)).join("\n")}\n`;
    const events = parseIncidentEvents(csv, "sim.csv");
    expect(events.times).toEqual(times);
    const fit = fitHawkes(events.times, 2000);
    expect(Math.abs(fit.branchingRatio - 2 / 3)).toBeLessThan(0.1);
  });
});
