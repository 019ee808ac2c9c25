// The one place the page tracks stale answers. A Lane runs the calls of
// one kind (searches, document loads, summaries…) so that:
//
//   - at most one is in flight at a time;
//   - while one is in flight, only the latest call waits to run next:
//     the calls in between never reach the engine;
//   - only the answer of the latest call counts: run() resolves to null
//     for every call that a newer one (or cancel()) superseded.
//
// So typing a word letter by letter costs one search in flight plus the
// last query, whatever the typing speed.

/**
 * @template T
 * @typedef {{value: T, error?: undefined} | {value?: undefined, error: unknown}} Outcome
 */

/**
 * @template T
 * @typedef {{gen: number, fn: () => Promise<T>, resolve: (o: Outcome<T> | null) => void}} Job
 */

export class Lane {
  constructor() {
    this.gen = 0;
    this.busy = false;
    /** @type {Job<any> | null} */
    this.queued = null;
    /** Calls that reached the engine, for tests and measurements. */
    this.started = 0;
  }

  /**
   * run calls fn when the lane is free and resolves to its outcome, or to
   * null if a newer call or cancel() superseded it (fn may then never run).
   * @template T
   * @param {() => Promise<T>} fn
   * @returns {Promise<Outcome<T> | null>}
   */
  run(fn) {
    const gen = ++this.gen;
    return new Promise((resolve) => {
      const job = { gen, fn, resolve };
      if (this.busy) {
        if (this.queued) this.queued.resolve(null);
        this.queued = job;
        return;
      }
      this.start(job);
    });
  }

  /**
   * @template T
   * @param {Job<T>} job
   */
  async start(job) {
    this.busy = true;
    this.started++;
    /** @type {Outcome<T>} */
    let out;
    try {
      out = { value: await job.fn() };
    } catch (error) {
      out = { error };
    }
    this.busy = false;
    job.resolve(job.gen === this.gen ? out : null);
    const next = this.queued;
    this.queued = null;
    if (next) this.start(next);
  }

  /** cancel supersedes every call made so far: their answers are dropped. */
  cancel() {
    this.gen++;
    if (this.queued) {
      this.queued.resolve(null);
      this.queued = null;
    }
  }

  /**
   * current reports whether no call was made since the one numbered gen
   * (lane.gen when it was made): for work that follows an answer.
   * @param {number} gen
   */
  current(gen) {
    return gen === this.gen;
  }
}
