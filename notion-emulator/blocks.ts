/**
 * Page bodies: checking block children from pages.create and blocks.children.append, storing them,
 * and answering blocks in Notion's shape. Limits as Notion documents them: at most 100 children in
 * one array, at most two levels of nesting in one request, at most 1000 blocks per request.
 */
import { limitError, validationError } from "./errors";
import { withCurrentMentions } from "./mentions";
import { isColor, isRecord, parseRichText, plainText, shown, type MentionTargets, type RichTextItem } from "./rich-text";
import type { Store, StoredBlock } from "./store";

export const MAX_CHILDREN = 100;
export const MAX_NESTING = 2;
export const MAX_BLOCKS_PER_REQUEST = 1000;

/** Block types with rich text; which may hold children. */
const TEXT_BLOCKS: Record<string, { children: boolean }> = {
  paragraph: { children: true },
  heading_1: { children: true },
  heading_2: { children: true },
  heading_3: { children: true },
  bulleted_list_item: { children: true },
  numbered_list_item: { children: true },
  to_do: { children: true },
  toggle: { children: true },
  quote: { children: true },
  callout: { children: true },
  code: { children: false },
};
const OTHER_BLOCKS = new Set(["divider", "table_of_contents", "breadcrumb"]);

/** A checked block, not yet stored. */
export interface PendingBlock {
  type: string;
  data: Record<string, unknown>;
  children: PendingBlock[];
}

/**
 * Checks a children array. `mentions` tells which pages rich text may mention. `level` 1 is the
 * request's top array; a `children` array inside a level-2 block would be level 3, which Notion refuses.
 */
export function parseChildren(value: unknown, path: string, mentions: MentionTargets, level = 1, count = { blocks: 0 }): PendingBlock[] {
  if (!Array.isArray(value)) throw validationError(`body failed validation: ${path} should be an array, instead was \`${shown(value)}\`.`);
  if (value.length > MAX_CHILDREN) throw limitError(`${path}.length`, MAX_CHILDREN, value.length);
  count.blocks += value.length;
  if (count.blocks > MAX_BLOCKS_PER_REQUEST) throw limitError("body.children (blocks in one request)", MAX_BLOCKS_PER_REQUEST, count.blocks);
  return value.map((raw: unknown, i) => parseBlock(raw, `${path}[${i}]`, mentions, level, count));
}

function parseBlock(raw: unknown, path: string, mentions: MentionTargets, level: number, count: { blocks: number }): PendingBlock {
  if (!isRecord(raw)) throw validationError(`body failed validation: ${path} should be an object, instead was \`${shown(raw)}\`.`);
  const known = Object.keys(raw).filter((k) => k in TEXT_BLOCKS || OTHER_BLOCKS.has(k));
  const type = typeof raw.type === "string" ? raw.type : known[0];
  if (type === undefined || !(type in TEXT_BLOCKS || OTHER_BLOCKS.has(type))) {
    throw validationError(`body failed validation: ${path}.type should be a supported block type, instead was \`${shown(raw.type ?? Object.keys(raw)[0])}\`.`);
  }
  const body = raw[type] ?? {};
  if (!isRecord(body)) throw validationError(`body failed validation: ${path}.${type} should be an object, instead was \`${shown(body)}\`.`);
  const at = `${path}.${type}`;
  const data: Record<string, unknown> = {};
  const rules = TEXT_BLOCKS[type];
  if (rules) {
    data.rich_text = parseRichText(body.rich_text ?? [], `${at}.rich_text`, mentions);
    const color = body.color ?? "default";
    if (!isColor(color)) throw validationError(`body failed validation: ${at}.color should be a valid color, instead was \`${shown(color)}\`.`);
    data.color = color;
    if (type === "to_do") {
      if (body.checked !== undefined && typeof body.checked !== "boolean") throw validationError(`body failed validation: ${at}.checked should be a boolean, instead was \`${shown(body.checked)}\`.`);
      data.checked = body.checked ?? false;
    }
    if (type.startsWith("heading_")) data.is_toggleable = body.is_toggleable === true;
    if (type === "code") data.language = typeof body.language === "string" ? body.language : "plain text";
    if (type === "callout" && body.icon !== undefined) data.icon = body.icon;
  }
  let children: PendingBlock[] = [];
  if (body.children !== undefined) {
    if (level >= MAX_NESTING) {
      throw validationError(`body failed validation: ${at}.children should be not present, instead was \`${shown(body.children)}\`. (At most ${MAX_NESTING} levels of nesting per request.)`);
    }
    if (!rules?.children) throw validationError(`body failed validation: ${at}.children should be not present, instead was \`${shown(body.children)}\`.`);
    children = parseChildren(body.children, `${at}.children`, mentions, level + 1, count);
  }
  return { type, data, children };
}

/** Stores checked blocks under `parentId`, after the child `afterId` or at the end. Returns the new top-level blocks. */
export function insertBlocks(store: Store, parentId: string, blocks: PendingBlock[], afterId?: string): StoredBlock[] {
  const list = store.childIds(parentId);
  let at = list.length;
  if (afterId !== undefined) {
    const index = list.indexOf(afterId);
    at = index === -1 ? list.length : index + 1;
  }
  const created: StoredBlock[] = [];
  const now = store.now();
  for (const pending of blocks) {
    const block: StoredBlock = { id: store.newId(), parentId, type: pending.type, data: pending.data, createdTime: now, lastEditedTime: now, inTrash: false };
    store.blocks.set(block.id, block);
    list.splice(at++, 0, block.id);
    created.push(block);
    if (pending.children.length > 0) insertBlocks(store, block.id, pending.children);
  }
  if (created.length > 0) store.touch();
  return created;
}

/** Live (not trashed) children of a page or block: blocks, child pages and child databases. */
export function liveChildIds(store: Store, parentId: string): string[] {
  return store.childIds(parentId).filter((id) => {
    const object = store.find(id);
    if (!object) return false;
    if (object.kind === "block") return !object.block.inTrash;
    if (object.kind === "page") return !object.page.inTrash;
    if (object.kind === "database") return !object.database.inTrash;
    return false;
  });
}

/** A child as Notion lists it: a block, or a child_page / child_database stand-in with the same id. */
export function renderChild(store: Store, id: string, iso: (ms: number) => string): Record<string, unknown> | undefined {
  const object = store.find(id);
  if (!object) return undefined;
  const user = { object: "user", id: store.botUserId };
  if (object.kind === "block") {
    const b = object.block;
    const parent = store.pages.has(b.parentId) ? { type: "page_id", page_id: b.parentId } : { type: "block_id", block_id: b.parentId };
    return {
      object: "block",
      id: b.id,
      parent,
      created_time: iso(b.createdTime),
      last_edited_time: iso(b.lastEditedTime),
      created_by: user,
      last_edited_by: user,
      has_children: liveChildIds(store, b.id).length > 0,
      archived: b.inTrash,
      in_trash: b.inTrash,
      type: b.type,
      [b.type]: blockData(store, b),
    };
  }
  if (object.kind === "page") {
    const p = object.page;
    const title = plainText((p.values.get("title") ?? []) as RichTextItem[]);
    return {
      object: "block", id: p.id, parent: { type: "page_id", page_id: p.parent.kind === "page" ? p.parent.pageId : "" },
      created_time: iso(p.createdTime), last_edited_time: iso(p.lastEditedTime), created_by: user, last_edited_by: user,
      has_children: liveChildIds(store, p.id).length > 0, archived: p.inTrash, in_trash: p.inTrash, type: "child_page", child_page: { title },
    };
  }
  if (object.kind === "database") {
    const d = object.database;
    return {
      object: "block", id: d.id, parent: { type: "page_id", page_id: d.parentPageId },
      created_time: iso(d.createdTime), last_edited_time: iso(d.lastEditedTime), created_by: user, last_edited_by: user,
      has_children: false, archived: d.inTrash, in_trash: d.inTrash, type: "child_database", child_database: { title: plainText(d.title) },
    };
  }
  return undefined;
}

/** A block's type object as answered: a copy, with page mentions showing the pages' current titles. */
function blockData(store: Store, block: StoredBlock): Record<string, unknown> {
  const data = JSON.parse(JSON.stringify(block.data)) as Record<string, unknown>;
  if (Array.isArray(data.rich_text)) data.rich_text = withCurrentMentions(store, data.rich_text as RichTextItem[]);
  return data;
}

/** Plain text of a stored block (for inspection), page mentions as the pages' current titles. */
export function blockText(store: Store, block: StoredBlock): string {
  const rich = block.data.rich_text;
  return Array.isArray(rich) ? plainText(withCurrentMentions(store, rich as RichTextItem[])) : "";
}
