/**
 * Plan texts in the encodings Chinese schools save in, generated for tests: UTF-16 and UTF-32 by
 * hand, Big5 from a table built by decoding every Big5 byte pair with TextDecoder (Node cannot
 * encode Big5), so each byte pair used is checked by decoding before it is written.
 */
export const PLAN_TRAD = "學校2026年工會工作計劃\n一、指導思想\n服務教職工。\n二、行事曆\n三月份：\n1、三八節活動\n2、工會小組長會議\n四月份：\n1、春季運動會\n";
export const PLAN_SIMP = "学校2026年工会工作计划\n一、指导思想\n服务教职工。\n二、行事历\n三月份：\n1、三八节活动\n2、工会小组长会议\n四月份：\n1、春季运动会\n";

let big5Table: Map<string, number[]> | null = null;

/** Big5 bytes of `text`, from the decoder's own table (first byte pair that decodes to each character). */
export function encodeBig5(text: string): Uint8Array {
  if (!big5Table) {
    big5Table = new Map();
    const decoder = new TextDecoder("big5");
    for (let lead = 0xa1; lead <= 0xf9; lead++) {
      for (const trail of [...Array.from({ length: 0x3f }, (_, i) => 0x40 + i), ...Array.from({ length: 0x5e }, (_, i) => 0xa1 + i)]) {
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== "\ufffd" && !big5Table.has(ch)) big5Table.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const pair = big5Table.get(ch);
      if (!pair) throw new Error(`no Big5 bytes for ${ch}`);
      out.push(pair[0] as number, pair[1] as number);
    }
  }
  const bytes = new Uint8Array(out);
  // The round trip is the check: these bytes read back as the text.
  if (new TextDecoder("big5").decode(bytes) !== text) throw new Error("Big5 bytes do not read back as the text");
  return bytes;
}

export function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), littleEndian);
  return bytes;
}

export function encodeUtf32(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const cps = [...(bom ? "\ufeff" : ""), ...text].map((c) => c.codePointAt(0) ?? 0);
  const bytes = new Uint8Array(cps.length * 4);
  const view = new DataView(bytes.buffer);
  cps.forEach((cp, i) => view.setUint32(i * 4, cp, littleEndian));
  return bytes;
}
