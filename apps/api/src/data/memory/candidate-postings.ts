import { binaryOrder } from './binary-order';
import { StartTimeOrder, type OrderEntry } from './start-time-order';

/**
 * How many leading characters of a search key name its posting. Keys are bucketed, not kept whole: every
 * candidate's email is a key of its own, so whole keys would make a common prefix ("grace") thousands of
 * one-entry postings to merge; four characters keep a prefix to one posting or a few hundred.
 */
const BUCKET_CHARS = 4;

function bucketsOf(keys: readonly string[]): Set<string> {
  return new Set(keys.map((key) => key.slice(0, BUCKET_CHARS)));
}

/**
 * The candidate search of the memory store, as MongoDB's `{ searchKeys: 1, startTime: 1, _id: 1 }` index
 * serves it: per key bucket (a key's first BUCKET_CHARS characters), the interviews in (startTime, id)
 * order. A prefix is the buckets in a range of the sorted bucket list; their postings are merged in list
 * order from where the page starts, so a page costs about its own length (plus what the other filters
 * skip), however common the prefix. A prefix longer than a bucket name is checked against the keys.
 */
export class CandidatePostings {
  private readonly postings = new Map<string, StartTimeOrder>();
  /** Distinct buckets, sorted; rebuilt only after a bucket nobody had before appears. */
  private sortedKeys: string[] | null = null;
  /** Each interview's keys, each after a NUL, so a prefix test is one native substring search. */
  private readonly keysOf = new Map<string, string>();

  add(keys: readonly string[], entry: OrderEntry): void {
    this.keysOf.set(entry.id, keys.map((key) => `\0${key}`).join(''));
    for (const key of bucketsOf(keys)) {
      let posting = this.postings.get(key);
      if (!posting) {
        posting = new StartTimeOrder();
        this.postings.set(key, posting);
        this.sortedKeys = null;
      }
      posting.insert(entry);
    }
  }

  remove(keys: readonly string[], entry: OrderEntry): void {
    this.keysOf.delete(entry.id);
    for (const key of bucketsOf(keys)) this.postings.get(key)?.remove(entry);
  }

  private keysWithPrefix(prefix: string): string[] {
    this.sortedKeys ??= [...this.postings.keys()].sort(binaryOrder);
    const keys = this.sortedKeys;
    const bound = (value: string) => {
      let low = 0;
      let high = keys.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (keys[mid]! < value) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    return keys.slice(bound(prefix), bound(`${prefix}\uffff`));
  }

  /**
   * Ids of the interviews with a key starting with `prefix`, each once, in (startTime, id) order
   * (`descending`: latest first), starting at `start` (`inclusive` or just past it).
   */
  *walk(prefix: string, start: OrderEntry, options: { descending: boolean; inclusive: boolean }): Generator<OrderEntry> {
    const sign = options.descending ? -1 : 1;
    const heads: { entries: OrderEntry[]; at: number }[] = [];
    const beyondBucket = prefix.length > BUCKET_CHARS;
    const needle = `\0${prefix}`;
    for (const key of beyondBucket ? [prefix.slice(0, BUCKET_CHARS)].filter((bucket) => this.postings.has(bucket)) : this.keysWithPrefix(prefix)) {
      const posting = this.postings.get(key)!;
      const at = options.descending
        ? (options.inclusive ? posting.upperBound(start) : posting.lowerBound(start)) - 1
        : options.inclusive
          ? posting.lowerBound(start)
          : posting.upperBound(start);
      if (at >= 0 && at < posting.entries.length) heads.push({ entries: posting.entries, at });
    }
    const compare = (a: OrderEntry, b: OrderEntry) => sign * (a.t - b.t || binaryOrder(a.id, b.id));
    const heap = new MinHeap(heads, (a, b) => compare(a.entries[a.at]!, b.entries[b.at]!));
    let last: string | null = null;
    while (heap.size > 0) {
      const head = heap.peek();
      const entry = head.entries[head.at]!;
      // One interview under two matching keys (its full name and a word of it) comes out twice, adjacently.
      if (entry.id !== last && (!beyondBucket || this.keysOf.get(entry.id)!.includes(needle))) yield entry;
      last = entry.id;
      head.at += sign;
      if (head.at < 0 || head.at >= head.entries.length) heap.pop();
      else heap.siftDown(0);
    }
  }
}

class MinHeap<T> {
  constructor(
    private readonly items: T[],
    private readonly less: (a: T, b: T) => number,
  ) {
    for (let index = (items.length >>> 1) - 1; index >= 0; index -= 1) this.siftDown(index);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): T {
    return this.items[0]!;
  }

  pop(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.siftDown(0);
    }
  }

  siftDown(from: number): void {
    const { items } = this;
    let index = from;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && this.less(items[left]!, items[smallest]!) < 0) smallest = left;
      if (right < items.length && this.less(items[right]!, items[smallest]!) < 0) smallest = right;
      if (smallest === index) return;
      [items[index], items[smallest]] = [items[smallest]!, items[index]!];
      index = smallest;
    }
  }
}
