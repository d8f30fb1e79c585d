/**
 * Readers for the TNTP text formats of the Transportation Networks for Research collection
 * (Transportation Networks for Research Core Team, https://github.com/bstabler/TransportationNetworks):
 * `_net` (links), `_trips` (OD demand), `_flow` (published equilibrium flows) and `_node` (coordinates).
 * Pure: they take text and the file name to report; node ids stay 1-based as in the files.
 */
import { InputError, type InputIssue } from "../errors/index.js";
import { checkNoNul } from "../text/index.js";
import { MAX_BPR_POWER, MAX_TNTP_NODES } from "./limits.js";

export interface TntpLink {
  from: number;
  to: number;
  capacity: number;
  length: number;
  freeFlowTime: number;
  b: number;
  power: number;
  speed: number;
  toll: number;
  linkType: number;
  /** 1-based line in the file, for error messages downstream. */
  line: number;
}

export interface TntpNet {
  file: string;
  zones: number;
  nodes: number;
  /** Nodes numbered below this are zones that paths may not pass through. */
  firstThruNode: number;
  links: TntpLink[];
  /** Every `<TAG> value` pair of the header, tag in upper case without brackets. */
  metadata: Record<string, string>;
}

export interface TntpDemand {
  origin: number;
  destination: number;
  demand: number;
  line: number;
}

export interface TntpTrips {
  file: string;
  zones: number;
  /** `<TOTAL OD FLOW>` when declared. */
  declaredTotal: number | undefined;
  /** Positive demands between distinct zones. */
  demands: TntpDemand[];
  /** Demand from a zone to itself: it never enters the network, so it is reported apart. */
  intrazonal: number;
  metadata: Record<string, string>;
}

export interface TntpFlow {
  from: number;
  to: number;
  volume: number;
  cost: number;
}

export interface TntpNodeCoordinate {
  node: number;
  x: number;
  y: number;
}

const LINK_COLUMNS = [
  "init_node",
  "term_node",
  "capacity",
  "length",
  "free_flow_time",
  "b",
  "power",
  "speed",
  "toll",
  "link_type",
] as const;

/** Stops collecting after this many issues: past it the file is probably not TNTP at all. */
const MAX_ISSUES = 20;

class IssueList {
  readonly issues: InputIssue[] = [];
  constructor(readonly file: string) {}
  add(line: number, code: string, expected: string, found: string, path?: string): void {
    if (this.issues.length >= MAX_ISSUES) return;
    const issue: InputIssue = { code, file: this.file, line, expected, found };
    if (path !== undefined) issue.path = path;
    this.issues.push(issue);
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new InputError(this.issues);
  }
}

interface Header {
  metadata: Record<string, string>;
  /** Index into `lines` of the first line after `<END OF METADATA>`. */
  bodyStart: number;
}

function readHeader(lines: string[], issues: IssueList): Header {
  const metadata: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === "") continue;
    const match = /^<([^>]+)>(.*)$/.exec(text);
    if (!match) {
      issues.add(i + 1, "tntp-header", "a metadata line <TAG> value or <END OF METADATA>", quote(text));
      return { metadata, bodyStart: i };
    }
    const tag = match[1]!.trim().toUpperCase();
    if (tag === "END OF METADATA") return { metadata, bodyStart: i + 1 };
    metadata[tag] = match[2]!.trim();
  }
  issues.add(lines.length, "tntp-truncated", "<END OF METADATA> after the header", "end of file");
  return { metadata, bodyStart: lines.length };
}

function headerInteger(
  metadata: Record<string, string>,
  tag: string,
  issues: IssueList,
  fallback?: number,
): number {
  const raw = metadata[tag];
  if (raw === undefined) {
    if (fallback !== undefined) return fallback;
    issues.add(1, "tntp-header", `a <${tag}> line in the header`, "none");
    return Number.NaN;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    issues.add(1, "not-a-number", `<${tag}> to be a non-negative integer`, quote(raw));
    return Number.NaN;
  }
  return value;
}

function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  // JSON quoting escapes control characters, so a stray CR or NUL cannot garble the message.
  return JSON.stringify(short);
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Parses a `_net.tntp` file. Throws one InputError listing every problem found. */
export function parseTntpNet(text: string, file: string): TntpNet {
  checkNoNul(text, file);
  const issues = new IssueList(file);
  const lines = splitLines(text);
  const { metadata, bodyStart } = readHeader(lines, issues);
  const nodes = headerInteger(metadata, "NUMBER OF NODES", issues);
  const linkCount = headerInteger(metadata, "NUMBER OF LINKS", issues);
  const zones = headerInteger(metadata, "NUMBER OF ZONES", issues);
  const firstThruNode = headerInteger(metadata, "FIRST THRU NODE", issues, 1);
  const links: TntpLink[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === "" || text.startsWith("~")) continue;
    const lineNo = i + 1;
    const terminated = text.endsWith(";");
    const fields = (terminated ? text.slice(0, -1) : text).trim().split(/\s+/);
    if (fields.length < LINK_COLUMNS.length) {
      issues.add(
        lineNo,
        "tntp-truncated",
        `${LINK_COLUMNS.length} fields (${LINK_COLUMNS.join(" ")}) ending in ";"`,
        `${fields.length} field${fields.length === 1 ? "" : "s"}`,
      );
      continue;
    }
    const values = fields.slice(0, LINK_COLUMNS.length).map(Number);
    let numeric = true;
    values.forEach((v, k) => {
      if (!Number.isFinite(v)) {
        issues.add(lineNo, "not-a-number", "a number", quote(fields[k]!), LINK_COLUMNS[k]);
        numeric = false;
      }
    });
    if (!numeric) continue;
    const [from, to, capacity, length, freeFlowTime, b, power, speed, toll, linkType] = values as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (const [name, id] of [
      ["init_node", from],
      ["term_node", to],
    ] as const) {
      if (!Number.isInteger(id) || id < 1 || (Number.isFinite(nodes) && id > nodes)) {
        issues.add(
          lineNo,
          "dangling-reference",
          `a node declared in the header (1..${nodes})`,
          String(id),
          name,
        );
      }
    }
    if (from === to) issues.add(lineNo, "self-loop", "a link between two different nodes", `${from} → ${to}`);
    if (capacity < 0 || (capacity === 0 && b !== 0)) {
      issues.add(
        lineNo,
        "out-of-range",
        "a positive capacity (or 0 only when b = 0)",
        String(capacity),
        "capacity",
      );
    }
    if (freeFlowTime < 0)
      issues.add(lineNo, "out-of-range", "a free-flow time ≥ 0", String(freeFlowTime), "free_flow_time");
    if (length < 0) issues.add(lineNo, "out-of-range", "a length ≥ 0", String(length), "length");
    if (b < 0) issues.add(lineNo, "out-of-range", "b ≥ 0", String(b), "b");
    if (power < 0 || power > MAX_BPR_POWER)
      issues.add(lineNo, "out-of-range", `a power from 0 to ${MAX_BPR_POWER}`, String(power), "power");
    if (toll < 0) issues.add(lineNo, "out-of-range", "a toll ≥ 0", String(toll), "toll");
    links.push({ from, to, capacity, length, freeFlowTime, b, power, speed, toll, linkType, line: lineNo });
  }
  if (Number.isFinite(linkCount) && links.length < linkCount && issues.issues.length === 0) {
    issues.add(
      lines.length,
      "tntp-truncated",
      `${linkCount} links (<NUMBER OF LINKS>)`,
      `${links.length}; is the file cut short?`,
    );
  }
  // Every node of a network is an end of one of its links, so a header that declares far more nodes than
  // the links can reach is a typo (or not TNTP); it is refused before the per-node arrays are allocated.
  if (Number.isFinite(nodes) && nodes > Math.min(MAX_TNTP_NODES, Math.max(2 * links.length, zones))) {
    issues.add(
      1,
      "tntp-header",
      `<NUMBER OF NODES> at most twice the links present (${links.length} links) and at most ${MAX_TNTP_NODES}`,
      String(nodes),
    );
  }
  if (Number.isFinite(zones) && Number.isFinite(nodes) && zones > nodes) {
    issues.add(1, "tntp-header", "<NUMBER OF ZONES> ≤ <NUMBER OF NODES>", `${zones} zones, ${nodes} nodes`);
  }
  issues.throwIfAny();
  return { file, zones, nodes, firstThruNode, links, metadata };
}

/**
 * Parses a `_trips.tntp` file. `zones` bounds origins and destinations (from the net file when known,
 * else from the trips header).
 */
export function parseTntpTrips(text: string, file: string, net?: Pick<TntpNet, "zones">): TntpTrips {
  checkNoNul(text, file);
  const issues = new IssueList(file);
  const lines = splitLines(text);
  const { metadata, bodyStart } = readHeader(lines, issues);
  const headerZones = headerInteger(metadata, "NUMBER OF ZONES", issues);
  const zones = net?.zones ?? headerZones;
  if (net === undefined && headerZones > MAX_TNTP_NODES) {
    issues.add(1, "tntp-header", `<NUMBER OF ZONES> at most ${MAX_TNTP_NODES}`, String(headerZones));
  }
  const declaredRaw = metadata["TOTAL OD FLOW"];
  const declaredTotal = declaredRaw === undefined ? undefined : Number(declaredRaw);
  if (declaredTotal !== undefined && !Number.isFinite(declaredTotal)) {
    issues.add(1, "not-a-number", "<TOTAL OD FLOW> to be a number", quote(declaredRaw!));
  }
  const demands: TntpDemand[] = [];
  let intrazonal = 0;
  let total = 0;
  let origin = 0;
  let lastLine = bodyStart;
  // Line of each destination already given for each origin. A destination twice under one origin is
  // what a missing "Origin N" line looks like: that origin's entries would silently add to the one before.
  const seen = new Map<number, Map<number, number>>();
  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === "" || raw.startsWith("~")) continue;
    const lineNo = i + 1;
    lastLine = lineNo;
    const originMatch = /^origin\s+(\S+)/i.exec(raw);
    if (originMatch) {
      origin = Number(originMatch[1]);
      if (!Number.isInteger(origin) || origin < 1 || origin > zones) {
        issues.add(lineNo, "not-a-zone", `an origin zone 1..${zones}`, quote(originMatch[1]!));
        origin = -1;
      }
      continue;
    }
    if (origin === 0) {
      issues.add(lineNo, "tntp-trips", 'an "Origin N" line before demand entries', quote(raw));
      continue;
    }
    for (const entry of raw.split(";")) {
      const item = entry.trim();
      if (item === "") continue;
      const parts = item.split(":");
      if (parts.length !== 2) {
        issues.add(lineNo, "tntp-trips", 'entries "destination : demand;"', quote(item));
        continue;
      }
      const destination = Number(parts[0]!.trim());
      const demand = Number(parts[1]!.trim());
      if (!Number.isFinite(destination) || !Number.isFinite(demand) || parts[1]!.trim() === "") {
        issues.add(lineNo, "not-a-number", 'numbers in "destination : demand"', quote(item));
        continue;
      }
      if (!Number.isInteger(destination) || destination < 1 || destination > zones) {
        issues.add(lineNo, "not-a-zone", `a destination zone 1..${zones}`, String(destination));
        continue;
      }
      if (demand < 0) {
        issues.add(lineNo, "out-of-range", "a demand ≥ 0", String(demand));
        continue;
      }
      if (origin < 0) continue;
      let destinations = seen.get(origin);
      if (destinations === undefined) {
        destinations = new Map();
        seen.set(origin, destinations);
      }
      const first = destinations.get(destination);
      if (first !== undefined) {
        issues.add(
          lineNo,
          "duplicate-entry",
          `each destination once per origin (is an "Origin N" line missing above line ${lineNo}?)`,
          `destination ${destination} of origin ${origin} again, first on line ${first}`,
        );
        continue;
      }
      destinations.set(destination, lineNo);
      total += demand;
      if (destination === origin) intrazonal += demand;
      else if (demand > 0) demands.push({ origin, destination, demand, line: lineNo });
    }
  }
  if (
    declaredTotal !== undefined &&
    Number.isFinite(declaredTotal) &&
    issues.issues.length === 0 &&
    Math.abs(total - declaredTotal) > 1e-6 * Math.max(1, declaredTotal) + 0.01
  ) {
    issues.add(
      lastLine,
      "tntp-truncated",
      `total demand ${declaredTotal} (<TOTAL OD FLOW>)`,
      `${round(total)}; is the file cut short?`,
    );
  }
  issues.throwIfAny();
  return { file, zones, declaredTotal, demands, intrazonal, metadata };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** Parses a `_flow.tntp` file: a `From To Volume Cost` header, then one row per link. */
export function parseTntpFlow(text: string, file: string): TntpFlow[] {
  const issues = new IssueList(file);
  const rows: TntpFlow[] = [];
  splitLines(text).forEach((line, i) => {
    const raw = line.trim().replace(/;$/, "").trim();
    if (raw === "" || raw.startsWith("~") || /^from\b/i.test(raw)) return;
    const fields = raw.split(/\s+/);
    const values = fields.map(Number);
    if (fields.length < 4 || values.slice(0, 4).some((v) => !Number.isFinite(v))) {
      issues.add(i + 1, "not-a-number", "four numbers: from to volume cost", quote(raw));
      return;
    }
    rows.push({ from: values[0]!, to: values[1]!, volume: values[2]!, cost: values[3]! });
  });
  issues.throwIfAny();
  return rows;
}

/** Parses a `_node.tntp` file: `Node X Y ;` header, then one row per node. */
export function parseTntpNodes(text: string, file: string): TntpNodeCoordinate[] {
  const issues = new IssueList(file);
  const rows: TntpNodeCoordinate[] = [];
  splitLines(text).forEach((line, i) => {
    const raw = line.trim().replace(/;$/, "").trim();
    if (raw === "" || raw.startsWith("~") || /^node\b/i.test(raw)) return;
    const fields = raw.split(/\s+/).map(Number);
    if (fields.length < 3 || fields.slice(0, 3).some((v) => !Number.isFinite(v))) {
      issues.add(i + 1, "not-a-number", "three numbers: node x y", quote(raw));
      return;
    }
    rows.push({ node: fields[0]!, x: fields[1]!, y: fields[2]! });
  });
  issues.throwIfAny();
  return rows;
}
