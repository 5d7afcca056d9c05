/** The key two decoder states share exactly when the decoder may merge them (decode-schedule.ts). */
import type { ColumnRole } from "./table-header";
import type { DecodeState } from "./state";

/**
 * A head style's number, eight at most (three bits of the key): a month cell is always read in a
 * table, whose key tells it apart (0, as a style it does not know). A switch, not an indexOf in a
 * list: this runs for every state of every line.
 */
function styleNumber(style: string): number {
  switch (style) {
    case "bare":
      return 1;
    case "colon":
      return 2;
    case "space":
      return 3;
    case "comma":
      return 4;
    case "glued":
      return 5;
    case "lost-number":
      return 6;
    case "glued-number":
      return 7;
    default:
      return 0;
  }
}
// Tables seen so far, by their columns: a table's key is its place in this list.
const TABLES = new Map<string, number>();

/** A small number 0..size-1 from `n`, so that keys of different states never collide. */
function digit(n: number, size: number): number {
  return n < 0 ? 0 : Math.min(n + 1, size - 1);
}

function tableNumber(table: readonly ColumnRole[] | null): number {
  if (!table) return 0;
  const k = table.join("");
  const n = TABLES.get(k);
  if (n !== undefined) return n;
  // Bounded, in numbers and in memory: past 62 kinds of header every further one shares the last
  // number (and only merges states) and is not remembered, so a long session never grows the map.
  if (TABLES.size >= 62) return 63;
  TABLES.set(k, TABLES.size + 1);
  return TABLES.size;
}

/**
 * Two states the decoder may merge have the same key. A number built digit by digit (each field in
 * its own range, under 2^53) is much cheaper to build and compare than a string per state.
 */
export function stateKey(s: DecodeState): number {
  // The mode by comparison: this runs for every state of every line.
  let k = s.mode === "out" ? 0 : s.mode === "in" ? 1 : 2;
  k = k * 13 + s.month;
  k = k * 13 + s.lastMonth;
  k = k * 2 + (s.wrapped ? 1 : 0);
  k = k * 3 + Math.min(s.tasks, 2);
  k = k * 34 + digit(s.ordinal, 34);
  k = k * 7 + digit(s.ordinalLevel, 7);
  k = k * 34 + digit(s.carried, 34);
  k = k * 7 + digit(s.taskLevel, 7);
  k = k * 7 + digit(s.headLevel, 7);
  // A month is seldom written in an item numbered past 16: the range leaves room for headDay under 2^53.
  k = k * 17 + digit(s.headOrdinal, 17);
  k = k * 16 + styleNumber(s.headStyle) * 2 + (s.headDay ? 1 : 0);
  k = k * 16 + (s.open ? 1 : 0) + (s.keyword ? 2 : 0) + (s.glued ? 4 : 0) + (s.fieldValue ? 8 : 0);
  k = k * 64 + tableNumber(s.table);
  k = k * 10 + Math.min(s.column, 9);
  return k * 2 + (s.inHeader ? 1 : 0);
}

