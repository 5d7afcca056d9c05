/**
 * The YAML codec frontmatter is read and written with. shared/ must not bundle a YAML library into
 * the plugin (Obsidian already has one: parseYaml / stringifyYaml cost nothing in main.js), so the
 * host registers its codec: the plugin Obsidian's, the CLI the `yaml` package. Until one is
 * registered a small built-in codec serves: it reads flat `key: value` maps whose values are plain,
 * single- or double-quoted scalars (every YAML escape undone), and writes double-quoted scalars
 * that any YAML reader takes back unchanged.
 */
export interface YamlCodec {
  parse(text: string): unknown;
  stringify(value: unknown): string;
}

let registered: YamlCodec | null = null;

/** Sets the codec every frontmatter read and write uses from now on (null: the built-in one). */
export function setYamlCodec(codec: YamlCodec | null): void {
  registered = codec;
}

export function yamlCodec(): YamlCodec {
  return registered ?? builtinYamlCodec;
}

const SIMPLE_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0" };

function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Whether YAML lets this UTF-16 unit stand unescaped in a double-quoted scalar (c-printable, and not a line break). */
function printable(c: number): boolean {
  if (c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd);
}

/** A YAML double-quoted scalar for any string: everything a reader could fold, trim or misread is escaped. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    const c = value.charCodeAt(i);
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && value.charCodeAt(i + 1) >= 0xdc00 && value.charCodeAt(i + 1) <= 0xdfff) {
      // A surrogate pair is one printable character.
      out += ch + value.charAt(i + 1);
      i++;
    } else if (printable(c)) out += ch;
    else out += hex4(c);
  }
  return `${out}"`;
}

const DQ_ESCAPES: Record<string, string> = { "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029" };

/** The value of a double-quoted scalar's inside (one line), every escape undone; null when malformed. */
function undoubleQuote(inner: string): string | null {
  let out = "";
  for (let i = 0; i < inner.length; i++) {
    const ch = inner.charAt(i);
    if (ch === '"') return null;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const e = inner.charAt(++i);
    const simple = DQ_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const width = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    const digits = inner.slice(i + 1, i + 1 + width);
    if (width === 0 || !/^[0-9a-fA-F]+$/.test(digits) || digits.length !== width) return null;
    const code = parseInt(digits, 16);
    if (code > 0x10ffff) return null;
    out += String.fromCodePoint(code);
    i += width;
  }
  return out;
}

/** One scalar as written after `key:` on one line; null when it is not a scalar this reader knows. */
export function readScalar(text: string): string | null {
  const v = text.trim();
  if (v.startsWith('"')) return v.length >= 2 && v.endsWith('"') ? undoubleQuote(v.slice(1, -1)) : null;
  // Inside single quotes a quote is written twice; one left alone after removing the pairs ends the scalar early.
  if (v.startsWith("'")) return v.length >= 2 && v.endsWith("'") && !v.slice(1, -1).replace(/''/g, "").includes("'") ? v.slice(1, -1).replace(/''/g, "'") : null;
  // A plain scalar: a comment after " #" is not part of it.
  const hash = v.search(/\s#/);
  return hash >= 0 ? v.slice(0, hash).trimEnd() : v;
}

/** `key: rest` → [key, rest]; found with indexOf, so a long line costs linear time. */
function splitKeyLine(line: string): [string, string] | null {
  let colon = line.indexOf(":");
  while (colon >= 0 && colon + 1 < line.length && !/\s/.test(line.charAt(colon + 1))) colon = line.indexOf(":", colon + 1);
  if (colon <= 0) return null;
  const key = line.slice(0, colon).trimEnd();
  if (key === "" || /^["']/.test(key)) return null;
  return [key, line.slice(colon + 1)];
}

/**
 * The built-in codec: flat maps of scalars (that is all union-plan writes). It reads what it can
 * and passes over the rest: nested maps, lists and block scalars are skipped, not misread.
 */
export const builtinYamlCodec: YamlCodec = {
  parse(text: string): unknown {
    const out: Record<string, string | null> = {};
    for (const line of text.split(/\r\n|\r|\n/)) {
      // Blank lines, comments, and the lines of a value started above (indented, or list items).
      if (line.trim() === "" || /^(\s|#|- |-$)/.test(line)) continue;
      const kv = splitKeyLine(line);
      if (!kv) continue;
      const [key, rest] = kv;
      const raw = rest.trim();
      if (raw === "") {
        out[key] = null;
        continue;
      }
      if (/^[|>&*!]/.test(raw)) continue;
      const value = readScalar(raw);
      if (value !== null) out[key] = value;
    }
    return out;
  },
  stringify(value: unknown): string {
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("the built-in YAML codec writes flat maps only");
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === "string" ? doubleQuoted(v) : v === null || v === undefined ? "" : JSON.stringify(v)}\n`)
      .join("");
  },
};
