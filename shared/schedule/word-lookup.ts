/**
 * Small, allocation-free look-ups the readers make at every position they try (date phrases, heading
 * tails, header cells, lead words): whether a character is one of a set, which word of a list starts
 * here (tried only where one can start).
 */

/** A list's entries grouped by their word's first character, each group in the list's order. */
export function byFirstChar<T>(entries: readonly (readonly [string, T])[]): ReadonlyMap<string, readonly (readonly [string, T])[]> {
  const out = new Map<string, (readonly [string, T])[]>();
  for (const e of entries) {
    const c = e[0].charAt(0);
    const group = out.get(c);
    if (group) group.push(e);
    else out.set(c, [e]);
  }
  return out;
}

/** The first entry (in list order) whose word starts at `at`: only the group of key[at] can. */
export function firstStartingAt<T>(key: string, at: number, groups: ReadonlyMap<string, readonly (readonly [string, T])[]>): readonly [string, T] | null {
  const group = groups.get(key.charAt(at));
  if (!group) return null;
  for (const e of group) if (key.startsWith(e[0], at)) return e;
  return null;
}

/** Whether `c` is one of `chars`; past the end of a key charAt gives "", which String.includes finds in any string. */
export function isOneOf(chars: string, c: string): boolean {
  return c !== "" && chars.includes(c);
}

/**
 * The character codes of `chars`, to ask by code whether a line's first or last character is one of
 * them: charAt makes a string of every CJK character it is asked for.
 */
export function charCodeSet(chars: string): ReadonlySet<number> {
  const out = new Set<number>();
  for (let i = 0; i < chars.length; i++) out.add(chars.charCodeAt(i));
  return out;
}

export function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

export function startsWithAny(key: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (key.startsWith(w, at)) return w;
  return null;
}

/** The first characters of a list's words: one look at `key` spares the list where none can start. */
export function firstCharsOf(words: readonly string[]): string {
  return [...new Set(words.map((w) => w.charAt(0)))].join("");
}

/** startsWithAny, asked only where one of the words can start (`first`: firstCharsOf(words)). */
export function startsWithAnyOf(key: string, at: number, words: readonly string[], first: string): string | null {
  const c = key.charAt(at);
  return c !== "" && first.includes(c) ? startsWithAny(key, at, words) : null;
}
