/**
 * Running totals of the corridor performance indicators (filled by steps/indicators.ts), one per
 * crossing link (direction) and one per demand pair. A crossing's cost (TFI2) is its fee, read from
 * the model, so no total is kept for it.
 */
export class IndicatorTotals {
  readonly vehicles: Float64Array;
  readonly vehicleHours: Float64Array;
  /** Per crossing element: vehicle-hours spent waiting in queues, and vehicles that waited. */
  readonly queueHours: Float64Array;
  /** Per pair: vehicle-km, moving vehicle-hours (links) and border vehicle-hours (crossings). */
  readonly pairVehicles: Float64Array;
  readonly pairKm: Float64Array;
  readonly pairMoving: Float64Array;
  readonly pairBorder: Float64Array;
  /** Per pair, per served vehicle at the last solve: km, moving hours and border hours of its paths. */
  routeKm: Float64Array;
  routeMoving: Float64Array;
  routeBorder: Float64Array;
  /** Travel time of each link at the last equilibrium, hours. */
  readonly linkHours: Float64Array;

  constructor(links: number, elements: number, pairs: number) {
    this.linkHours = new Float64Array(links);
    this.vehicles = new Float64Array(links);
    this.vehicleHours = new Float64Array(links);
    this.queueHours = new Float64Array(elements);
    this.pairVehicles = new Float64Array(pairs);
    this.pairKm = new Float64Array(pairs);
    this.pairMoving = new Float64Array(pairs);
    this.pairBorder = new Float64Array(pairs);
    this.routeKm = new Float64Array(pairs);
    this.routeMoving = new Float64Array(pairs);
    this.routeBorder = new Float64Array(pairs);
  }
}
