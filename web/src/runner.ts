/** Runs in Web Workers: one worker for the run on screen (latest request wins), a pool for comparisons. */
import type { ClaimRow } from "./compare-model.js";
import type { ClaimsRequest, RunRequest, WorkerReply } from "./protocol.js";

type Handler = (reply: WorkerReply) => void;

function newWorker(): Worker {
  return new Worker("worker.js");
}

/** The run on screen: while one runs, only the newest further request is kept and sent next. */
export class Runner {
  private worker = newWorker();
  private busy = false;
  private next: Omit<RunRequest, "id" | "type"> | undefined;
  private id = 0;

  constructor(private readonly handle: Handler) {
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    this.worker.onerror = (event) => {
      this.busy = false;
      this.handle({ type: "failed", id: this.id, message: event.message || "the simulation worker failed" });
    };
  }

  get latestId(): number {
    return this.id;
  }

  request(request: Omit<RunRequest, "id" | "type">): void {
    if (this.busy) {
      this.next = request;
      return;
    }
    this.busy = true;
    this.id += 1;
    this.worker.postMessage({ ...request, type: "run", id: this.id } satisfies RunRequest);
  }

  private receive(reply: WorkerReply): void {
    if (reply.type !== "progress") {
      this.busy = false;
      const next = this.next;
      this.next = undefined;
      // A newer request is waiting: this reply is already stale, so start the next one first.
      if (next) this.request(next);
    }
    this.handle(reply);
  }
}

/** A few workers sharing a queue of runs that return outcomes only. */
export class Pool {
  private readonly workers: Worker[];
  private cancelled = false;

  constructor(size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, newWorker);
  }

  /** One worker per core but one, so the page keeps a core to itself while runs stream in. */
  static defaultSize(): number {
    return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  }

  cancel(): void {
    this.cancelled = true;
    for (const w of this.workers) w.terminate();
  }

  /** Runs every job; `onResult` gets each reply as it arrives. Resolves when all are done. */
  run(
    jobs: Omit<RunRequest, "type">[],
    onResult: (job: Omit<RunRequest, "type">, reply: WorkerReply) => void,
  ): Promise<void> {
    let next = 0;
    let done = 0;
    return new Promise((resolve) => {
      if (jobs.length === 0) {
        resolve();
        return;
      }
      const feed = (worker: Worker) => {
        if (this.cancelled || next >= jobs.length) return;
        const job = jobs[next++]!;
        worker.onmessage = (event: MessageEvent<WorkerReply>) => {
          const reply = event.data;
          if (reply.type === "progress") return;
          onResult(job, reply);
          done += 1;
          if (done === jobs.length) {
            for (const w of this.workers) w.terminate();
            resolve();
          } else feed(worker);
        };
        worker.postMessage({ ...job, type: "run", outcomesOnly: true } satisfies RunRequest);
      };
      for (const w of this.workers) feed(w);
    });
  }
}

/** Evaluates claims in a worker of its own, so the page stays responsive however many futures. */
export function evaluateClaimsOffPage(request: Omit<ClaimsRequest, "type" | "id">): Promise<ClaimRow[]> {
  const worker = newWorker();
  return new Promise<ClaimRow[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === "claims") resolve(reply.rows);
      else if (reply.type === "failed") reject(new Error(reply.message));
      else return;
      worker.terminate();
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || "the worker failed"));
    };
    worker.postMessage({ ...request, type: "claims", id: 1 } satisfies ClaimsRequest);
  });
}
