import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PathStore } from "./path-store.js";

function pathsOf(store: PathStore, k: number): number[][] {
  const out: number[][] = [];
  for (let id = store.head[k]!; id >= 0; id = store.next[id]!) {
    out.push(Array.from(store.links.subarray(store.start[id]!, store.start[id]! + store.length[id]!)));
  }
  return out;
}

function viewsOf(store: PathStore, k: number): number[][] {
  const out: number[][] = [];
  for (let id = store.head[k]!; id >= 0; id = store.next[id]!) out.push(Array.from(store.linkView(id)));
  return out;
}

describe("the path store", () => {
  it("keeps every pair's paths (and their cached views) intact through adds, removals, growth and compaction", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            pair: fc.integer({ min: 0, max: 3 }),
            links: fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 40 }),
            removeFirst: fc.boolean(),
          }),
          { maxLength: 400 },
        ),
        (ops) => {
          const store = new PathStore(4, 2, 8);
          const model: number[][][] = [[], [], [], []];
          for (const op of ops) {
            if (op.removeFirst && model[op.pair]!.length > 0) {
              store.remove(op.pair, store.head[op.pair]!, -1);
              model[op.pair]!.shift();
            } else {
              store.add(op.pair, Int32Array.from(op.links), op.links.length);
              model[op.pair]!.unshift(op.links);
            }
            // Views made along the way must stay right through id reuse, growth and compaction.
            if (store.head[op.pair]! >= 0) store.linkView(store.head[op.pair]!);
            store.compact();
          }
          for (let k = 0; k < 4; k++) {
            expect(pathsOf(store, k)).toEqual(model[k]);
            expect(viewsOf(store, k)).toEqual(model[k]);
            expect(store.count[k]).toBe(model[k]!.length);
          }
          expect(store.size).toBe(model.reduce((s, m) => s + m.length, 0));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("moves path lists to a new pair numbering and frees the pairs left out", () => {
    const store = new PathStore(3);
    store.add(0, Int32Array.of(1, 2), 2);
    store.add(1, Int32Array.of(3), 1);
    store.add(2, Int32Array.of(4, 5, 6), 3);
    store.remap(Int32Array.of(2, -1, 0));
    expect(pathsOf(store, 0)).toEqual([[4, 5, 6]]);
    expect(pathsOf(store, 1)).toEqual([]);
    expect(pathsOf(store, 2)).toEqual([[1, 2]]);
    expect(store.size).toBe(2);
  });
});
