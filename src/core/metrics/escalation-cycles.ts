/**
 * Cycles of escalation in a daily series of ladder rungs (see diplomacy/escalation.ts). Normal and
 * ceasefire are the calm rungs. A cycle (an escalation episode) begins on a day the pair moves from a calm
 * rung to tension, strikes or clashes, and ends on the first later day it is back on a calm rung, either
 * normal or a ceasefire. So a ceasefire that fails and is mediated again counts a second cycle: the
 * "tension, strikes, short-lived ceasefire" pattern is counted once per turn. A series that starts off calm
 * has an episode whose beginning was not seen (left-censored); one that ends off calm has an open episode.
 * Neither is counted as a cycle, but both are listed.
 */

import { RUNGS, type Rung } from "../diplomacy/escalation.js";
import { InputError, suggestName } from "../errors/index.js";

const SEVERITY: Record<Rung, number> = { normal: 0, ceasefire: 0, tension: 1, strikes: 2, clashes: 3 };

const isCalm = (rung: Rung) => rung === "normal" || rung === "ceasefire";

export interface EscalationEpisode {
  /** Day index of the first day off calm (0 for a left-censored episode). */
  start: number;
  /** Day index of the first day back on a calm rung; undefined when the series ends first. */
  end: number | undefined;
  /** Calm rung it ended on. */
  endedIn: "normal" | "ceasefire" | undefined;
  /** Highest rung reached: tension < strikes < clashes. */
  peak: Rung;
  /** True when the series began inside this episode. */
  leftCensored: boolean;
}

export interface EscalationCycles {
  /** Completed episodes whose start was observed. */
  cycles: number;
  /** Completed cycles that reached at least strikes. */
  violentCycles: number;
  episodes: EscalationEpisode[];
}

/** Counts escalation cycles in a daily series of rungs. */
export function escalationCycles(series: readonly Rung[]): EscalationCycles {
  series.forEach((rung, d) => {
    if (!(RUNGS as readonly string[]).includes(rung)) {
      const suggestion = suggestName(String(rung), RUNGS);
      throw new InputError({
        code: "unknown-name",
        path: `series[${d}]`,
        expected: `one of ${RUNGS.join(", ")}`,
        found: String(rung),
        ...(suggestion === undefined ? {} : { suggestion }),
      });
    }
  });
  const episodes: EscalationEpisode[] = [];
  let open: EscalationEpisode | undefined;
  series.forEach((rung, d) => {
    if (isCalm(rung)) {
      if (open !== undefined) {
        open.end = d;
        open.endedIn = rung === "normal" ? "normal" : "ceasefire";
        episodes.push(open);
        open = undefined;
      }
      return;
    }
    if (open === undefined) {
      open = { start: d, end: undefined, endedIn: undefined, peak: rung, leftCensored: d === 0 };
    } else if (SEVERITY[rung] > SEVERITY[open.peak]) {
      open.peak = rung;
    }
  });
  if (open !== undefined) episodes.push(open);
  const complete = episodes.filter((e) => e.end !== undefined && !e.leftCensored);
  return {
    cycles: complete.length,
    violentCycles: complete.filter((e) => SEVERITY[e.peak] >= SEVERITY.strikes).length,
    episodes,
  };
}
