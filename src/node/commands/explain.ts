import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { epochDay, explainEvent, parentChain, type SimEvent } from "../../core/engine/index.js";
import { InputError, suggestName } from "../../core/errors/index.js";
import { readUserFile } from "../files.js";
import type { Io } from "../io.js";
import { formatNumber, nonNegativeInteger, positiveInteger } from "../options.js";
import { parseEventsJsonl, type RunInfo, readRunInfo } from "../run-files/index.js";
import { formatTable } from "../table.js";

interface ExplainOptions {
  day?: number;
  date?: string;
  event?: number;
  kind?: string;
  hypothesis?: string;
  json?: boolean;
}

/** Events listed when no filter is given. */
const FIRST_EVENTS = 20;

const dayNumber = nonNegativeInteger("--day", "a day number ≥ 0 (day 0 is the start)");

function isoDate(raw: string): string {
  if (!Number.isFinite(epochDay(raw))) {
    throw new InvalidArgumentError(`--date: expected a date YYYY-MM-DD, found "${raw}"`);
  }
  return raw;
}

/** A run folder's event log and, when present, its run.json. */
export function readRun(dir: string): { events: SimEvent[]; info: RunInfo | undefined } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError({
      code: "run-folder-not-found",
      file: dir,
      expected: "a run folder written by `corridor run`",
      found: existsSync(dir) ? "a file" : "no such folder",
    });
  }
  const path = join(dir, "events.jsonl");
  if (!existsSync(path)) {
    throw new InputError({
      code: "no-event-log",
      file: dir,
      expected: "a run folder with events.jsonl (written by `corridor run`)",
      found: "no events.jsonl",
    });
  }
  return { events: parseEventsJsonl(readUserFile(path, "event log"), path), info: readRunInfo(dir) };
}

function header(info: RunInfo | undefined, dir: string, count: number): string {
  const events = `${formatNumber(count)} events logged`;
  if (!info) return `${dir}: ${events}\n`;
  return (
    `${info.scenario} (${info.file}), seed ${info.seed}, ${info.start} to ${info.end}: ${events}. ` +
    "An exploration under the scenario's assumptions, not a forecast.\n"
  );
}

function oneLine(e: SimEvent): string {
  return `#${e.id} ${e.date} (day ${e.day}) ${e.kind}: ${e.text}`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}\n`)
    .join("");
}

function explainAll(events: readonly SimEvent[]): string {
  return events.map((e) => `${explainEvent(e)}\n`).join("\n");
}

function checkInRange(info: RunInfo | undefined, day: number, given: string, flag: string): void {
  if (info === undefined || (day >= 0 && day < info.days)) return;
  throw new InputError({
    code: "out-of-range",
    path: flag,
    expected: `a day of the run: day 0 to ${info.days - 1}, ${info.start} to ${info.end}`,
    found: given,
  });
}

/** What explain prints: text for people, or the same content as JSON. */
interface View {
  text: string;
  json: unknown;
}

/** One event, the chain of events it follows from, and the events that follow from it. */
function eventView(events: SimEvent[], id: number): View {
  const event = events.find((e) => e.id === id);
  if (!event) {
    throw new InputError({
      code: "no-such-event",
      path: "--event",
      expected:
        events.length > 0
          ? `an event id from ${events[0]!.id} to ${events[events.length - 1]!.id}`
          : "an event id (this run logged no events)",
      found: String(id),
    });
  }
  const { chain, missing } = parentChain(events, event);
  const consequences = events.filter((e) => e.parent === event.id);
  let text = `${explainEvent(event)}\n`;
  if (chain.length > 0) text += `\nIt follows from:\n${chain.map((e) => indent(explainEvent(e))).join("\n")}`;
  if (missing !== undefined) text += `  (it follows from event #${missing}, which is not in the log)\n`;
  if (event.parent === undefined) text += "\nIt follows from no earlier event.\n";
  if (consequences.length > 0)
    text += `\nIt led to:\n${consequences.map((e) => `  ${oneLine(e)}\n`).join("")}`;
  return { text, json: { event, chain, consequences } };
}

/** The events of one day, date or kind. */
function filteredView(events: SimEvent[], info: RunInfo | undefined, options: ExplainOptions): View {
  let selected: SimEvent[];
  let none: string;
  if (options.day !== undefined) {
    checkInRange(info, options.day, String(options.day), "--day");
    selected = events.filter((e) => e.day === options.day);
    none = `No events on day ${options.day}.`;
  } else if (options.date !== undefined) {
    if (info) checkInRange(info, epochDay(options.date) - epochDay(info.start), options.date, "--date");
    selected = events.filter((e) => e.date === options.date);
    none = `No events on ${options.date}.`;
  } else if (options.hypothesis !== undefined) {
    const key = options.hypothesis;
    selected = events.filter((e) => e.cause.startsWith(`hypothesis ${key} `));
    if (selected.length === 0) throw unknownHypothesis(events, key);
    none = "";
  } else {
    const kind = options.kind!;
    selected = events.filter((e) => e.kind === kind);
    // Kinds are the engine's to define: check against those this run logged.
    if (selected.length === 0) throw unknownKind(events, kind);
    none = "";
  }
  return { text: selected.length > 0 ? explainAll(selected) : `${none}\n`, json: { events: selected } };
}

/** The hypotheses whose mechanisms logged events in this run (their causes name them). */
function unknownHypothesis(events: SimEvent[], key: string): InputError {
  const keys = [...new Set(events.flatMap((e) => /^hypothesis (\S+) /.exec(e.cause)?.[1] ?? []))].sort();
  const suggestion = suggestName(key, keys);
  return new InputError({
    code: "unknown-hypothesis",
    path: "--hypothesis",
    expected:
      keys.length > 0
        ? `a hypothesis whose mechanism logged events in this run (${keys.join(", ")})`
        : "a hypothesis (no mechanism logged an event in this run)",
    found: `"${key}"`,
    ...(suggestion ? { suggestion } : {}),
  });
}

function unknownKind(events: SimEvent[], kind: string): InputError {
  const kinds = [...new Set(events.map((e) => e.kind))].sort();
  const suggestion = suggestName(kind, kinds);
  return new InputError({
    code: "unknown-kind",
    path: "--kind",
    expected:
      kinds.length > 0
        ? `a kind of event logged in this run (${kinds.join(", ")})`
        : "a kind (this run logged no events)",
    found: `"${kind}"`,
    ...(suggestion !== undefined && { suggestion }),
  });
}

/** No filter: how many events of each kind, then the first few. */
function summaryView(events: SimEvent[]): View {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const first = events.slice(0, FIRST_EVENTS);
  const json = { counts: Object.fromEntries(byCount), first };
  if (events.length === 0) return { text: "The run logged no events.\n", json };
  const text =
    formatTable(
      ["Kind", "events"],
      byCount.map(([kind, n]) => [kind, formatNumber(n)]),
    ) +
    `\nThe first ${first.length} of ${formatNumber(events.length)} (filter with --day, --date, --event or --kind):\n\n` +
    explainAll(first);
  return { text, json };
}

export function registerExplain(program: Command, io: Io): void {
  program
    .command("explain")
    .description("explain what happened in a run and why: its events in plain words, with causes and values")
    .argument("<run-dir>", "a run folder written by `corridor run`")
    .option("--day <n>", "events of simulation day n (day 0 is the start)", dayNumber)
    .option("--date <YYYY-MM-DD>", "events of a date", isoDate)
    .option("--event <id>", "one event and the chain of events it follows from", positiveInteger("--event"))
    .option(
      "--kind <kind>",
      "events of one kind, e.g. policy-action, incident, minor-incidents, ladder (without a filter, the kinds the run logged are listed)",
    )
    .option(
      "--hypothesis <key>",
      "events caused by one hypothesis's mechanism, e.g. stakeRestraint (changes of enforcement, baseline, ceasefire hazard)",
    )
    .option("--json", "print the events as JSON")
    .action((dir: string, options: ExplainOptions) => {
      const filters = [options.day, options.date, options.event, options.kind, options.hypothesis].filter(
        (x) => x !== undefined,
      );
      if (filters.length > 1) {
        throw new InputError({
          code: "conflicting-options",
          expected: "at most one of --day, --date, --event, --kind, --hypothesis",
          found: `${filters.length} of them`,
        });
      }
      const { events, info } = readRun(dir);
      const view =
        options.event !== undefined
          ? eventView(events, options.event)
          : filters.length === 0
            ? summaryView(events)
            : filteredView(events, info, options);
      io.out(
        options.json
          ? `${JSON.stringify(view.json, null, 2)}\n`
          : `${header(info, dir, events.length)}\n${view.text}`,
      );
    });
}
