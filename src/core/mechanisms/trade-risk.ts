/**
 * Attacks reach trade: the disruption traders remember on a route counts attacks on it as well as
 * closures. Traders' risk premium is an exponentially weighted memory of the day's disruption
 * signal D (Roberts 1959; docs/ODD.md §7.4); with A the incidents today in the element's security zone
 * and a ≥ 0 the weight of one attack as a probability of disruption,
 *
 *   D = min(1, closed + a·A),
 *
 * so a = 0 is the closures-only memory. Why attacks should count: insurers and hauliers price the
 * threat itself — war-risk premia on Red Sea transits rose from about 0.05 % to 0.7–1 % of a ship's
 * value within weeks of the attacks of late 2023, before any route was closed (Lloyd's List, Reuters,
 * December 2023 – January 2024).
 */
export function disruptionSignal(closed: boolean, attacks: number, perAttack: number): number {
  const base = closed ? 1 : 0;
  if (perAttack === 0 || attacks === 0) return base;
  return Math.min(1, base + perAttack * attacks);
}
