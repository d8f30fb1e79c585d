/**
 * The measures the hindcast's patterns are stated in (test/fixtures/hindcast-patterns.yaml), read from a
 * run's daily series: means over calendar windows, shares and ratios of them.
 */
import type { SimulationResult } from "../../src/core/engine/index.js";

/** Mean of a daily series over the dates from `from` to `to`, both included. */
export function meanOver(r: SimulationResult, column: string, from: string, to: string): number {
  const values = r.series.values[column];
  if (values === undefined) throw new Error(`no series ${column}`);
  let sum = 0;
  let n = 0;
  r.series.dates.forEach((d, i) => {
    if (d >= from && d <= to) {
      sum += values[i]!;
      n++;
    }
  });
  if (n === 0) throw new Error(`no days from ${from} to ${to}`);
  return sum / n;
}

type Window = [from: string, to: string];

/** Share of Afghanistan's seaborne transit value routed through Pakistan (against Pakistan + Iran). */
const pakistanShare = (r: SimulationResult, [from, to]: Window) => {
  const pk = meanOver(r, "transit_usd.af.pk", from, to);
  const ir = meanOver(r, "transit_usd.af.ir", from, to);
  return pk / (pk + ir);
};

const ratio = (r: SimulationResult, column: string, a: Window, b: Window) =>
  meanOver(r, column, ...a) / meanOver(r, column, ...b);

/** Each measure by the name the fixture uses. */
export const MEASURES: Record<string, (r: SimulationResult) => number> = {
  /** Share of seaborne transit through Pakistani ports, January–June 2023 (before the curbs). */
  pakistanTransitShare2023H1: (r) => pakistanShare(r, ["2023-01-01", "2023-06-30"]),
  /** The same, July 2024 – February 2025 (the window of the record's ATT figure). */
  pakistanTransitShareFY25: (r) => pakistanShare(r, ["2024-07-01", "2025-02-28"]),
  /** Fall of the value of Afghan transit through Pakistan, 2024 against 2022. */
  pakistanTransitFall2022To2024: (r) =>
    1 - ratio(r, "transit_usd.af.pk", ["2024-01-01", "2024-12-31"], ["2022-01-01", "2022-12-31"]),
  /** Afghan transit through Iran, January–June 2024 against January–June 2023 (times). */
  iranTransitGrowthH1: (r) =>
    ratio(r, "transit_usd.af.ir", ["2024-01-01", "2024-06-30"], ["2023-01-01", "2023-06-30"]),
  /** Afghanistan's dependence on Pakistan, 1 January – 11 October 2025. */
  dependenceOnPakistan2025: (r) => meanOver(r, "dependence.af.pk", "2025-01-01", "2025-10-11"),
  /** Afghan trade value crossing Iran over that crossing Pakistan, May–October 2025. */
  iranOverPakistan2025: (r) =>
    meanOver(r, "via_usd.af.ir", "2025-05-01", "2025-10-31") /
    meanOver(r, "via_usd.af.pk", "2025-05-01", "2025-10-31"),
  /** Growth of Afghanistan's routed trade value, January–September 2025 against 2023. */
  tradeGrowth2023To2025: (r) =>
    ratio(r, "trade_usd.af", ["2025-01-01", "2025-09-30"], ["2023-01-01", "2023-12-31"]) - 1,
  /** Share of Afghan trade value crossing Central Asia, January–September 2025 over 2022 (times). */
  centralAsiaShareGrowth: (r) => {
    const share = (from: string, to: string) =>
      (meanOver(r, "via_usd.af.uz", from, to) +
        meanOver(r, "via_usd.af.tm", from, to) +
        meanOver(r, "via_usd.af.tj", from, to)) /
      meanOver(r, "trade_usd.af", from, to);
    return share("2025-01-01", "2025-09-30") / share("2022-01-01", "2022-12-31");
  },
};
