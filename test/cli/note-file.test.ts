import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editNoteFile, encodeNote } from "../../cli/note-file";
import { encodeText } from "../../shared/normalize/encode-text";

describe("writing a note back in its own encoding", () => {
  it("GB18030: every BMP character it can store reads back the same, and the supplementary planes too", () => {
    let all = "";
    for (let c = 0x80; c < 0xffff; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    const storable = [...all].filter((ch) => encodeText(ch, "gb18030") !== null).join("") + "😀𠀀\u{10fffd}";
    // Only a handful of private-use code points (moved by GB18030-2005) have no code of their own.
    expect(all.length - storable.length + 3).toBeLessThan(25);
    const bytes = encodeText(storable, "gb18030");
    expect(bytes && new TextDecoder("gb18030", { fatal: true }).decode(bytes)).toBe(storable);
  });

  it("keeps a UTF-8 BOM and refuses what would not read back, leaving the file as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "union-plan-note-"));
    const file = join(dir, "a.md");
    writeFileSync(file, Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("- [ ] 活动\r\n")]));
    expect(editNoteFile(file, (t) => t.replace("[ ]", "[x]"))).toBe(true);
    expect(readFileSync(file).toString("latin1").startsWith("\xef\xbb\xbf")).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("\ufeff- [x] 活动\r\n");
    expect(() => encodeNote(file, "\ue5e5", { encoding: "gb18030", bom: false })).toThrow(/无法按原编码 gb18030 写回.*left unchanged/);
    expect(() => encodeNote(file, "x", { encoding: "big5", bom: false })).toThrow(/big5/);
    writeFileSync(file, encodeText("- [ ] 活动\n", "gb18030") ?? "");
    const before = readFileSync(file);
    expect(() => editNoteFile(file, () => "- [x] 活动 \ue5e5\n")).toThrow(/gb18030/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["a.md"]);
  });
});
