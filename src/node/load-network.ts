/**
 * Loads a network and its demand for the network commands (`assign`, `criticality`) from TNTP files,
 * given as `--net`/`--trips` or as one `_net.tntp` path whose `_trips.tntp` sits beside it.
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { InputError } from "../core/errors/index.js";
import { type Demand, demandFromTntp, type Network, networkFromTntp } from "../core/network/index.js";
import { parseTntpNet, parseTntpTrips } from "../core/network/tntp.js";
import { readUserFile } from "./files.js";

export interface LoadedNetwork {
  network: Network;
  demand: Demand;
  /** How a link is named in outputs: TNTP node ids `from`, `to`. */
  linkEnds: { from: string; to: string }[];
  /** Short description for summaries, e.g. "Anaheim_net.tntp: 416 nodes, 914 links, 38 zones". */
  label: string;
  /** Total demand routed (excluding intrazonal). */
  totalDemand: number;
  odPairs: number;
}

function tripsBeside(netPath: string): string {
  return netPath.replace(/_net\.tntp$/i, "_trips.tntp");
}

export function loadTntp(netPath: string, tripsPath?: string): LoadedNetwork {
  // The net file first: a missing or unreadable one is the problem to report, not its trips file.
  const netText = readUserFile(netPath, "TNTP net file");
  const trips = tripsPath ?? tripsBeside(netPath);
  if (tripsPath !== undefined && resolve(tripsPath) === resolve(netPath)) {
    throw new InputError({
      code: "missing-trips",
      file: tripsPath,
      path: "--trips",
      expected: "the TNTP demand file (X_trips.tntp), not the net file",
      found: "the same file as --net",
    });
  }
  if (tripsPath === undefined && (trips === netPath || !existsSync(trips))) {
    throw new InputError({
      code: "missing-trips",
      file: netPath,
      expected: "a trips file: pass --trips <file_trips.tntp> (or keep X_trips.tntp beside X_net.tntp)",
      found:
        trips === netPath
          ? "a file name not ending in _net.tntp"
          : `no ${basename(trips)} beside the net file`,
    });
  }
  const net = parseTntpNet(netText, netPath);
  const od = parseTntpTrips(readUserFile(trips, "TNTP trips file"), trips, net);
  const network = networkFromTntp(net);
  const demand = demandFromTntp(od);
  const totalDemand = od.demands.reduce((sum, d) => sum + d.demand, 0);
  return {
    network,
    demand,
    linkEnds: net.links.map((l) => ({ from: String(l.from), to: String(l.to) })),
    label: `${basename(netPath)}: ${net.nodes} nodes, ${net.links.length} links, ${net.zones} zones`,
    totalDemand,
    odPairs: od.demands.length,
  };
}
