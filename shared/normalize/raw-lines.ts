/**
 * A text's lines as written, at every kind of line break (\r\n, \r, \n, U+2028, U+2029), read one
 * at a time by offset: no list of every line's string is made (on a long text that list was as
 * large as the text again, and the parse made it twice).
 */
const EOL = /\r\n|\r|\n|\u2028|\u2029/g;

export class RawLineReader {
  /** Where the current line starts and ends (its break excluded), once next() has found it. */
  start = 0;
  end = 0;
  /** 1-based number of the current line. */
  line = 0;
  /** Offset of the next line; -1 once the last one was read. */
  private at = 0;
  // Most texts break lines with \n alone: indexOf is much cheaper than the pattern.
  private readonly eol: RegExp | null;

  constructor(private readonly input: string) {
    const plain = input.indexOf("\r") < 0 && input.indexOf("\u2028") < 0 && input.indexOf("\u2029") < 0;
    this.eol = plain ? null : new RegExp(EOL.source, "g");
  }

  /** Moves to the next line; false after the last (a text of n breaks has n + 1 lines). */
  next(): boolean {
    if (this.at < 0) return false;
    const from = this.at;
    let end: number;
    let next: number;
    if (this.eol === null) {
      end = this.input.indexOf("\n", from);
      next = end + 1;
    } else {
      this.eol.lastIndex = from;
      const m = this.eol.exec(this.input);
      end = m === null ? -1 : m.index;
      next = m === null ? -1 : m.index + m[0].length;
    }
    this.line++;
    this.start = from;
    this.end = end < 0 ? this.input.length : end;
    this.at = end < 0 ? -1 : next;
    return true;
  }

  /** The current line's text. */
  text(): string {
    return this.input.slice(this.start, this.end);
  }
}

/** Where each line of the text starts and ends (index = line - 1), in two compact arrays. */
export function lineBounds(input: string): { starts: Uint32Array; ends: Uint32Array; count: number } {
  let starts: Uint32Array = new Uint32Array(1024);
  let ends: Uint32Array = new Uint32Array(1024);
  const reader = new RawLineReader(input);
  let count = 0;
  while (reader.next()) {
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
    }
    starts[count] = reader.start;
    ends[count] = reader.end;
    count++;
  }
  return { starts, ends, count };
}

function grown(list: Uint32Array): Uint32Array {
  const out = new Uint32Array(list.length * 2);
  out.set(list);
  return out;
}
