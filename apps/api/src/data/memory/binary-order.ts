/** MongoDB's string order (by UTF-16 code unit, like `<`), not the locale's: both stores sort ties alike. */
export function binaryOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
