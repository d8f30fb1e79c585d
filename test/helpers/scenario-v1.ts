/**
 * A small scenario using every section of the format, for the scenario tests. Tests edit one piece of it
 * and find lines by a snippet of their text, so adding a line here does not shift their expectations.
 */
import { expect } from "vitest";
import { InputError, type InputIssue } from "../../src/core/errors/index.js";
import { parseScenario } from "../../src/core/scenario/index.js";

export const V1 = `name: Every section
nodes:
  - { id: west, name: West, kind: city, country: XA, lon: 60, lat: 33, zone: true }
  - { id: gate_xa, name: Gate XA, kind: crossing-side, country: XA, lon: 61, lat: 33 }
  - { id: gate_xb, name: Gate XB, kind: crossing-side, country: XB, lon: 61.1, lat: 33 }
  - { id: east, name: East, kind: city, country: XB, lon: 62, lat: 33, zone: true }
links:
  - { id: west_road, from: west, to: gate_xa, mode: road, lengthKm: 100, freeFlowHours: 2, capacityVehPerDay: 1000, zone: pass }
  - { id: east_road, from: gate_xb, to: east, mode: road, lengthKm: 50, freeFlowHours: 1, capacityVehPerDay: 1000 }
crossings:
  - { id: gate, name: Gate, from: gate_xa, to: gate_xb, capacityVehPerDay: 500, processingHours: 3, zone: border }
  - { id: new_gate, name: New gate, from: gate_xa, to: gate_xb, capacityVehPerDay: 500, processingHours: 3, project: new_gate_works }
demand:
  - { origin: west, destination: east, vehiclesPerDay: 100, valueUsdPerVehicle: 20000, owner: xa, transitVia: xb }
zones:
  - { id: pass, name: Pass, country: XA, baselinePerDay: 0.1, excitationPerDay: 0.2, decayPerDay: 0.5, sanctuary: { actor: xb, share: 0.5 }, perpetrator: front }
  - { id: border, name: Border, country: XA, baselinePerDay: 0.01, excitationPerDay: 0, decayPerDay: 1 }
actants:
  - { id: fence, name: Fence, kind: fence, at: pass, owner: xa }
  - { id: scan, name: Scanner, kind: scanner, at: gate }
actors:
  - { id: xa, name: XA, kind: state, country: XA, policy: xa_open }
  - { id: xb, name: XB, kind: state, country: XB }
  - { id: front, name: Front, kind: armed-group }
  - { id: broker, name: Broker, kind: mediator }
policies:
  - id: xa_open
    actor: xa
    rules:
      - when incidents(pass, 30) > 5 then close(gate)
    programme:
      stages:
        - name: first
          enter: incidents(pass, 30) < 2 for 30 days
          actions: ["open(gate)"]
        - name: second
          enter: trust(xa, xb) > 0.6
          exit: incidents(border, 7) > 1
          exitActions: ["restrict(gate, 12)"]
  - id: xa_hard
    actor: xa
    rules: ["when trust(xa, xb) < 0.2 then close(gate); deport(xb, 100)"]
relations:
  - { a: xa, b: xb, mediators: [broker] }
projects:
  - id: new_gate_works
    name: New gate
    kind: crossing
    announced: 2024-01-01
    declaredCapacity: 500
    capacityUnit: vehicles/day
    constructionDays: 365
    condition: trust(xa, xb) > 0.5
    sponsors: [xa]
returns:
  - { id: ret, from: xa, to: xb, start: 2024-01-01, end: 2024-06-30, peoplePerDay: 100 }
events:
  - { date: 2024-02-01, actor: xa, actions: [close(gate)], incident: { zone: pass, fatalities: 3, attributedTo: front }, note: An attack. }
`;

/** `text` with one exact piece replaced (the piece must occur exactly once). */
export function edit(from: string, to: string, text = V1): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** 1-based line of the only line containing `snippet`, and the column where the snippet starts. */
export function where(text: string, snippet: string): { line: number; column: number } {
  const lines = text.split("\n");
  const found = lines.flatMap((l, i) => (l.includes(snippet) ? [i] : []));
  expect(found, snippet).toHaveLength(1);
  return { line: found[0]! + 1, column: lines[found[0]!]!.indexOf(snippet) + 1 };
}

export function issuesOf(text: string, file = "v1.yaml"): InputIssue[] {
  try {
    parseScenario(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues;
  }
  throw new Error("expected an InputError");
}

export function onlyIssue(text: string): InputIssue {
  const issues = issuesOf(text);
  expect(issues, JSON.stringify(issues, null, 2)).toHaveLength(1);
  return issues[0]!;
}
