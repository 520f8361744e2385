/**
 * Work a platform has taken on and not finished (a listener still answering,
 * a reply still queued for the Web API or REST), so a stop can wait for it.
 */
import { within } from "../../core/within.ts";

export class InFlight {
  private readonly work = new Set<Promise<unknown>>();

  get size(): number {
    return this.work.size;
  }

  /** Tracks `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.work.add(work);
    // Inline callbacks: a named one costs a defineProperty per call under tsx (npm start).
    work.then(
      () => this.work.delete(work),
      () => this.work.delete(work),
    );
    return work;
  }

  /** Waits until nothing is in flight (work started meanwhile included) or the deadline (epoch ms); returns what is left. */
  async settle(deadline: number): Promise<number> {
    while (this.work.size > 0 && Date.now() < deadline) {
      await within(Promise.allSettled([...this.work]), deadline - Date.now());
    }
    return this.work.size;
  }
}
