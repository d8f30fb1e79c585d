/**
 * Path sets of a path-based solver in typed arrays: link sequences in one growing arena, and per OD
 * pair a linked list of path ids. Removed paths leave garbage in the arena until `compact` runs.
 */

export class PathStore {
  /** Link ids of all paths, each path contiguous (origin first). */
  links: Int32Array;
  used = 0;
  garbage = 0;
  /** Per path id. */
  start: Int32Array;
  length: Int32Array;
  flow: Float64Array;
  next: Int32Array;
  /** Consecutive sweeps without flow; the solver drops long-idle paths. */
  idle: Uint8Array;
  /** Per OD pair: first path id, or -1. */
  head: Int32Array;
  count: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private idCount = 0;
  /**
   * Per path id, a view of its links made by `linkView`, kept while the path lives: a path's links
   * never change, and an arena replaced by growth or packing keeps them. Dropped with the old arena.
   */
  private views: (Int32Array | undefined)[] = [];

  constructor(pairCount: number, pathCapacity = 1024, linkCapacity = 16384) {
    this.links = new Int32Array(linkCapacity);
    this.start = new Int32Array(pathCapacity);
    this.length = new Int32Array(pathCapacity);
    this.flow = new Float64Array(pathCapacity);
    this.next = new Int32Array(pathCapacity);
    this.idle = new Uint8Array(pathCapacity);
    this.free = new Int32Array(pathCapacity);
    this.head = new Int32Array(pairCount).fill(-1);
    this.count = new Int32Array(pairCount);
  }

  /** Number of live paths. */
  get size(): number {
    return this.idCount - this.freeCount;
  }

  /** Adds a path of `n` links copied from `buffer` to pair k, at the head of its list, with flow 0. */
  add(k: number, buffer: Int32Array, n: number): number {
    if (this.used + n > this.links.length) this.growLinks(this.used + n);
    let id: number;
    if (this.freeCount > 0) id = this.free[--this.freeCount]!;
    else {
      if (this.idCount === this.start.length) this.growPaths();
      id = this.idCount++;
    }
    this.links.set(buffer.subarray(0, n), this.used);
    this.views[id] = undefined;
    this.start[id] = this.used;
    this.length[id] = n;
    this.flow[id] = 0;
    this.idle[id] = 0;
    this.used += n;
    this.next[id] = this.head[k]!;
    this.head[k] = id;
    this.count[k]!++;
    return id;
  }

  /** The links of live path `id` as a view (not a copy), the same object until the path is removed. */
  linkView(id: number): Int32Array {
    let view = this.views[id];
    if (view === undefined) {
      view = this.links.subarray(this.start[id]!, this.start[id]! + this.length[id]!);
      this.views[id] = view;
    }
    return view;
  }

  /** Removes path `id` of pair k; `prev` is the path before it in k's list, or -1 when it is the head. */
  remove(k: number, id: number, prev: number): void {
    if (prev < 0) this.head[k] = this.next[id]!;
    else this.next[prev] = this.next[id]!;
    this.count[k]!--;
    this.garbage += this.length[id]!;
    this.length[id] = 0;
    this.flow[id] = 0;
    this.free[this.freeCount++] = id;
  }

  /** Removes every path of pair k. */
  clear(k: number): void {
    let id = this.head[k]!;
    while (id >= 0) {
      const next = this.next[id]!;
      this.remove(k, id, -1);
      id = next;
    }
  }

  /** Packs the arena when more than a third of it is garbage. Call only between sweeps. */
  compact(): void {
    if (this.garbage * 3 < this.used || this.used < 4096) return;
    const packed = new Int32Array(Math.max(16384, Math.ceil((this.used - this.garbage) * 1.5)));
    let at = 0;
    for (let k = 0; k < this.head.length; k++) {
      for (let id = this.head[k]!; id >= 0; id = this.next[id]!) {
        const n = this.length[id]!;
        packed.set(this.links.subarray(this.start[id]!, this.start[id]! + n), at);
        this.start[id] = at;
        at += n;
      }
    }
    this.links = packed;
    this.used = at;
    this.garbage = 0;
    this.views = [];
  }

  /** Moves the path lists to a new pair numbering; `map[newPair]` is the old pair or -1. Unmapped old pairs lose their paths. */
  remap(map: Int32Array): void {
    const oldCount = this.head.length;
    const kept = new Uint8Array(oldCount);
    const head = new Int32Array(map.length).fill(-1);
    const count = new Int32Array(map.length);
    for (let k = 0; k < map.length; k++) {
      const old = map[k]!;
      if (old < 0) continue;
      head[k] = this.head[old]!;
      count[k] = this.count[old]!;
      kept[old] = 1;
    }
    for (let old = 0; old < oldCount; old++) if (kept[old] === 0) this.clear(old);
    this.head = head;
    this.count = count;
  }

  private growLinks(needed: number): void {
    const grown = new Int32Array(Math.max(needed, Math.ceil(this.links.length * 1.5)));
    grown.set(this.links.subarray(0, this.used));
    this.links = grown;
    this.views = [];
  }

  private growPaths(): void {
    const size = this.start.length * 2;
    const grow32 = (a: Int32Array) => {
      const g = new Int32Array(size);
      g.set(a);
      return g;
    };
    this.start = grow32(this.start);
    this.length = grow32(this.length);
    this.next = grow32(this.next);
    this.free = grow32(this.free);
    const f = new Float64Array(size);
    f.set(this.flow);
    this.flow = f;
    const idle = new Uint8Array(size);
    idle.set(this.idle);
    this.idle = idle;
  }
}
