/**
 * The event log: everything that changes the state of the world for a reason — a policy action, a
 * closure, an escalation step, a ceasefire, a coercion outcome — is recorded with the rule or
 * mechanism that caused it and the values that fired it, so a run can always answer "why?".
 */
export type EventValue = number | string | boolean;

export interface SimEvent {
  /** Sequential within a run, from 1. */
  id: number;
  day: number;
  date: string;
  /** What happened, e.g. "incident", "closure", "reopening", "policy-action", "ladder", "coercion". */
  kind: string;
  /** Who acted, when someone did. */
  actor?: string;
  /** Who or what it was aimed at: an actor, a crossing, a zone, a project. */
  target?: string;
  /** The rule text (`when … then …`) or the named mechanism that caused it. */
  cause: string;
  /** The numbers that fired it, by name (e.g. `incidents(kp_border, 30)`: 7). */
  values: Record<string, EventValue>;
  /** One plain-language sentence. */
  text: string;
  /** Id of the event this one follows from, when there is one. */
  parent?: number;
}

export type NewEvent = Omit<SimEvent, "id" | "date">;

/** Builds a deferred event from the three numbers it was logged with (see EventLog.addLater). */
export type LateEvent = (a: number, b: number, c: number) => Omit<NewEvent, "day">;

export class EventLog {
  private readonly list: SimEvent[] = [];
  /** Events logged so far, kept or not. */
  private count = 0;
  // Events numbered but not yet built (addLater), in id order: parallel arrays of plain numbers.
  private readonly lateId: number[] = [];
  private readonly lateDay: number[] = [];
  private readonly lateBuild: LateEvent[] = [];
  private readonly lateArgs: number[] = [];
  /** With `keep` false the log numbers events but holds none (`events` stays empty). */
  constructor(
    private readonly dateOf: (day: number) => string,
    readonly keep = true,
  ) {}

  /** Every event logged so far, in id order. */
  get events(): SimEvent[] {
    if (this.lateId.length > 0) this.buildLate();
    return this.list;
  }

  /**
   * Logs an event on `day` (default: the event's own day) and returns its id. Keys keep the order id,
   * date, the event's, day. A log that keeps nothing only numbers it: the event object is left as is.
   */
  add(event: NewEvent | Omit<NewEvent, "day">, day = (event as NewEvent).day): number {
    this.count += 1;
    if (this.keep) this.list.push(this.make(this.count, day, event));
    return this.count;
  }

  /** Numbers an event without it: only for a log that keeps nothing, where add() would hold nothing either. */
  number(): number {
    if (this.keep) throw new Error("EventLog.number() on a log that keeps its events: use add()");
    this.count += 1;
    return this.count;
  }

  /**
   * Logs an event on `day` whose object `build(a, b, c)` makes only when the log is read: a run's most
   * frequent events (the daily counts of minor incidents) then do not sit in memory as objects, to be
   * copied by every collection, until the run ends. `build` must be the same function for every event
   * of a kind, not a closure made per event. Returns the event's id.
   */
  addLater(day: number, build: LateEvent, a: number, b: number, c: number): number {
    this.count += 1;
    if (!this.keep) return this.count;
    this.lateId.push(this.count);
    this.lateDay.push(day);
    this.lateBuild.push(build);
    this.lateArgs.push(a, b, c);
    return this.count;
  }

  /** Builds the deferred events and merges them in, keeping the log in id order. */
  private buildLate(): void {
    const early = this.list.splice(0);
    let i = 0;
    for (let k = 0; k < this.lateId.length; k++) {
      const id = this.lateId[k]!;
      while (i < early.length && early[i]!.id < id) this.list.push(early[i++]!);
      const args = this.lateArgs;
      const event = this.lateBuild[k]!(args[3 * k]!, args[3 * k + 1]!, args[3 * k + 2]!);
      this.list.push(this.make(id, this.lateDay[k]!, event));
    }
    while (i < early.length) this.list.push(early[i++]!);
    this.forgetLate();
  }

  private forgetLate(): void {
    this.lateId.length = 0;
    this.lateDay.length = 0;
    this.lateBuild.length = 0;
    this.lateArgs.length = 0;
  }

  /** The logged form of an event: keys in the order id, date, the event's, day. */
  private make(id: number, day: number, event: NewEvent | Omit<NewEvent, "day">): SimEvent {
    const full = Object.assign({ id, date: this.dateOf(day) }, event) as SimEvent;
    full.day = day;
    return full;
  }

  /** Forgets every event logged so far; numbering starts again at 1. */
  clear(): void {
    this.list.length = 0;
    this.forgetLate();
    this.count = 0;
  }

  onDay(day: number): SimEvent[] {
    return this.events.filter((e) => e.day === day);
  }
}

/** Formats the values that fired an event as `name = value` pairs, numbers rounded for reading. */
export function formatValues(values: Record<string, EventValue>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name} = ${typeof value === "number" ? roundForReading(value) : String(value)}`)
    .join(", ");
}

export function roundForReading(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 10_000) return String(value);
  const magnitude = Math.abs(value);
  // Thousands separators for large numbers (costs in USD), written out by hand so every host agrees.
  if (magnitude >= 10_000)
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 1) return String(Number(value.toFixed(2)));
  return String(Number(value.toPrecision(3)));
}

/** The plain-language explanation of one event: what, when, why, with the numbers. */
export function explainEvent(event: SimEvent): string {
  const values = Object.keys(event.values).length > 0 ? `\n  because: ${formatValues(event.values)}` : "";
  return `#${event.id} ${event.date} (day ${event.day}) ${event.kind}: ${event.text}\n  cause: ${event.cause}${values}`;
}

/** The events `event` follows from, nearest first; stops at a missing parent or a loop. */
export function parentChain(
  events: readonly SimEvent[],
  event: SimEvent,
): { chain: SimEvent[]; missing?: number } {
  const byId = new Map(events.map((e) => [e.id, e]));
  const seen = new Set([event.id]);
  const chain: SimEvent[] = [];
  let parent = event.parent;
  while (parent !== undefined && !seen.has(parent)) {
    const next = byId.get(parent);
    if (next === undefined) return { chain, missing: parent };
    chain.push(next);
    seen.add(parent);
    parent = next.parent;
  }
  return { chain };
}
