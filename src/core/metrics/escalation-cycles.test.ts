import { describe, expect, it } from "vitest";
import type { Rung } from "../diplomacy/escalation.js";
import { InputError } from "../errors/index.js";
import { escalationCycles } from "./escalation-cycles.js";

const series = (text: string) =>
  text
    .split(" ")
    .map((c) => ({ N: "normal", T: "tension", S: "strikes", C: "clashes", F: "ceasefire" })[c] as Rung);

describe("escalation cycles", () => {
  it("counts one cycle per departure from calm and return to normal or a ceasefire", () => {
    // Tension that calms; then strikes and clashes ending in a ceasefire; the ceasefire fails and a second
    // mediated ceasefire holds into normal.
    const r = escalationCycles(series("N T T N N T S C C F F T S F F N"));
    expect(r.cycles).toBe(3);
    expect(r.violentCycles).toBe(2);
    expect(r.episodes.map((e) => [e.start, e.end, e.endedIn, e.peak])).toEqual([
      [1, 3, "normal", "tension"],
      [5, 9, "ceasefire", "clashes"],
      [11, 13, "ceasefire", "strikes"],
    ]);
  });

  it("lists but does not count episodes cut off by the start or the end of the series", () => {
    const r = escalationCycles(series("S S N T S"));
    expect(r.cycles).toBe(0);
    expect(r.episodes).toEqual([
      { start: 0, end: 2, endedIn: "normal", peak: "strikes", leftCensored: true },
      { start: 3, end: undefined, endedIn: undefined, peak: "strikes", leftCensored: false },
    ]);
  });

  it("counts nothing in a calm series", () => {
    expect(escalationCycles(series("N N F F N")).cycles).toBe(0);
    expect(escalationCycles([]).episodes).toEqual([]);
  });

  it("rejects an unknown rung and suggests the closest name", () => {
    try {
      escalationCycles(["normal", "tenson" as Rung]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).issues[0]).toMatchObject({ path: "series[1]", suggestion: "tension" });
    }
  });
});
