/**
 * A crossing above capacity builds a queue whose delay is a real cost. A deterministic point queue
 * (Vickrey 1969; Newell 1982): each day the backlog B grows by what arrives beyond the capacity c and
 * drains by what the capacity leaves over,
 *
 *   B ← max(0, B + x − c),
 *
 * and a vehicle joining it waits B / c days (first in, first out). Traders price that wait with the
 * time cost of the driver and vehicle (VOT, USD per hour) and of the cargo, h of its value v per day
 * (Hummels & Schaur 2013, "Time as a trade barrier", AER 103(7): each day in transit is worth an
 * ad-valorem tariff of 0.6–2.1 %):
 *
 *   q = s · (B / c) · (24·VOT + h·v)      USD per vehicle, added to the crossing's toll,
 *
 * with s ≥ 0 the strength (s = 0: congestion costs only through the BPR time, as before).
 */

/** Next day's backlog, vehicles: max(0, B + x − c). */
export function nextBacklog(backlog: number, flow: number, capacity: number): number {
  return Math.max(0, backlog + flow - capacity);
}

/** Days a vehicle joining the backlog waits: B / c (Infinity-safe: 0 when nothing waits). */
export function queueDelayDays(backlog: number, capacity: number): number {
  if (backlog <= 0) return 0;
  return backlog / Math.max(capacity, 1e-6);
}

/** USD per vehicle of a wait of `days`: s · days · (24·VOT + h·v). */
export function delayCost(
  days: number,
  valueOfTimeUsdPerHour: number,
  valuePerVehicle: number,
  cargoTimeCostPerDay: number,
  strength: number,
): number {
  if (strength === 0 || days === 0) return 0;
  return strength * days * (24 * valueOfTimeUsdPerHour + cargoTimeCostPerDay * valuePerVehicle);
}
