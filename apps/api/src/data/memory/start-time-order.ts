import { binaryOrder } from './binary-order';

export interface OrderEntry {
  t: number;
  id: string;
}

function compare(a: OrderEntry, b: OrderEntry): number {
  return a.t - b.t || binaryOrder(a.id, b.id);
}

/**
 * Ids kept sorted by (startTime, id), as MongoDB's { startTime: 1, _id: 1 } index: a page is a binary
 * search plus a walk, not a sort of every interview.
 */
export class StartTimeOrder {
  readonly entries: OrderEntry[] = [];

  /** Index of the first entry >= `key`. */
  lowerBound(key: OrderEntry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(this.entries[mid]!, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Index of the first entry > `key`. */
  upperBound(key: OrderEntry): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(this.entries[mid]!, key) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(entry: OrderEntry): void {
    this.entries.splice(this.upperBound(entry), 0, entry);
  }

  remove(entry: OrderEntry): void {
    const at = this.lowerBound(entry);
    if (this.entries[at]?.id === entry.id) this.entries.splice(at, 1);
  }

  /** Entries from `start` on, in order (`descending`: backwards), including `start` itself when `inclusive`. */
  *walk(start: OrderEntry, options: { descending: boolean; inclusive: boolean }): Generator<OrderEntry> {
    if (options.descending) {
      for (let at = (options.inclusive ? this.upperBound(start) : this.lowerBound(start)) - 1; at >= 0; at -= 1) yield this.entries[at]!;
    } else {
      for (let at = options.inclusive ? this.lowerBound(start) : this.upperBound(start); at < this.entries.length; at += 1) yield this.entries[at]!;
    }
  }
}
