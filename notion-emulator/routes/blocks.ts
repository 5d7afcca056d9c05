/**
 * Block children: list (paginated), append (≤ 100 children, ≤ 2 nesting levels per request,
 * optionally after a given child), retrieve, update and delete (to the trash). A page id works
 * wherever a block id does, as in Notion; deleting a page moves the page to the trash.
 */
import { insertBlocks, liveChildIds, parseChildren, renderChild } from "../blocks";
import { notFound, validationError } from "../errors";
import { mentionTargets } from "../mentions";
import { isRecord, parseRichText, shown } from "../rich-text";
import { canonical } from "../store";
import { ARCHIVED_MESSAGE } from "./pages";
import { ok, pageSize, paginate, param, requireRecord, type Route, type RouteContext } from "./context";

/** The page or block with this id, if the integration sees it; its trash state. */
function container({ store }: RouteContext, id: string): { id: string; inTrash: boolean; type: string } {
  const object = store.find(id);
  if (!object || !store.isVisible(id)) throw notFound("block", id);
  if (object.kind === "page") return { id: object.page.id, inTrash: object.page.inTrash, type: "child_page" };
  if (object.kind === "block") return { id: object.block.id, inTrash: object.block.inTrash, type: object.block.type };
  throw notFound("block", id);
}

const NO_CHILDREN = new Set(["divider", "code", "table_of_contents", "breadcrumb"]);

export const blockRoutes: Route[] = [
  {
    method: "GET",
    pattern: "blocks/:id/children",
    handler: (ctx, req) => {
      const parent = container(ctx, param(req, "id"));
      const size = pageSize(req.query.get("page_size") ?? undefined, "query");
      const ids = liveChildIds(ctx.store, parent.id);
      // A cursor block deleted since the last page still marks the place (its live predecessors count).
      const all = ctx.store.childIds(parent.id);
      const position = (cursorId: string): number => {
        const at = all.indexOf(cursorId);
        return at === -1 ? -1 : ids.filter((id) => all.indexOf(id) < at).length;
      };
      const { page, next } = paginate(ids, (id) => id, req.query.get("start_cursor") ?? undefined, size, position);
      const results = page.map((id) => renderChild(ctx.store, id, ctx.render.iso)).filter((b) => b !== undefined);
      return ok(ctx.render.list(results, next, "block"));
    },
  },
  {
    method: "PATCH",
    pattern: "blocks/:id/children",
    handler: (ctx, req) => {
      const { store, render } = ctx;
      const parent = container(ctx, param(req, "id"));
      if (parent.inTrash) throw validationError(ARCHIVED_MESSAGE);
      if (NO_CHILDREN.has(parent.type)) throw validationError(`Block type ${parent.type} does not support children.`);
      const { body } = req;
      if (body.children === undefined) throw validationError("body failed validation: body.children should be defined, instead was `undefined`.");
      const children = parseChildren(body.children, "body.children", mentionTargets(store));
      let after: string | undefined;
      if (body.after !== undefined) {
        if (typeof body.after !== "string") throw validationError(`body failed validation: body.after should be a string, instead was \`${shown(body.after)}\`.`);
        after = canonical(body.after);
      }
      if (body.position !== undefined) {
        const position = requireRecord(body.position, "body.position");
        if (position.type === "start") after = "";
        else if (position.type === "after_block" && isRecord(position.after_block) && typeof position.after_block.id === "string") after = canonical(position.after_block.id);
        else if (position.type !== "end") throw validationError(`body failed validation: body.position should be start, end or after_block, instead was \`${shown(position)}\`.`);
      }
      const list = store.childIds(parent.id);
      if (after !== undefined && after !== "" && !list.includes(after)) throw validationError(`Block ${after} is not a child of ${parent.id}.`);
      // "" means the very start: insert before the first child.
      const created = after === "" ? insertAtStart(ctx, parent.id, children) : insertBlocks(store, parent.id, children, after);
      store.touch();
      return ok(render.list(created.map((b) => renderChild(store, b.id, render.iso)), null, "block"));
    },
  },
  {
    method: "GET",
    pattern: "blocks/:id",
    handler: (ctx, req) => {
      const id = param(req, "id");
      container(ctx, id);
      return ok(renderChild(ctx.store, canonical(id), ctx.render.iso));
    },
  },
  {
    method: "PATCH",
    pattern: "blocks/:id",
    handler: (ctx, req) => {
      const { store, render } = ctx;
      const id = param(req, "id");
      const block = store.blocks.get(canonical(id));
      if (!block || !store.isVisible(id)) throw notFound("block", id);
      const { body } = req;
      const trash = typeof body.in_trash === "boolean" ? body.in_trash : typeof body.archived === "boolean" ? body.archived : undefined;
      const content = body[block.type];
      if (block.inTrash && trash !== false) throw validationError(ARCHIVED_MESSAGE);
      if (content !== undefined) {
        const data = requireRecord(content, `body.${block.type}`);
        const next = { ...block.data };
        if (data.rich_text !== undefined) next.rich_text = parseRichText(data.rich_text, `body.${block.type}.rich_text`, mentionTargets(store));
        if (data.checked !== undefined) {
          if (block.type !== "to_do" || typeof data.checked !== "boolean") throw validationError(`body failed validation: body.${block.type}.checked should not be present, instead was \`${shown(data.checked)}\`.`);
          next.checked = data.checked;
        }
        if (data.color !== undefined) next.color = data.color;
        block.data = next;
      } else if (trash === undefined) {
        throw validationError(`body failed validation: body.${block.type} should be defined (a block keeps its type).`);
      }
      if (trash !== undefined) block.inTrash = trash;
      block.lastEditedTime = store.now();
      store.touch();
      return ok(renderChild(store, block.id, render.iso));
    },
  },
  {
    method: "DELETE",
    pattern: "blocks/:id",
    handler: (ctx, req) => {
      const { store, render } = ctx;
      const id = param(req, "id");
      const object = store.find(id);
      if (!object || !store.isVisible(id)) throw notFound("block", id);
      // Deleting what is already in the trash is refused, so a retried delete is visible as such.
      const now = store.now();
      if (object.kind === "block") {
        if (object.block.inTrash) throw validationError(ARCHIVED_MESSAGE);
        object.block.inTrash = true;
        object.block.lastEditedTime = now;
      } else if (object.kind === "page") {
        if (object.page.inTrash) throw validationError(ARCHIVED_MESSAGE);
        object.page.inTrash = true;
        object.page.lastEditedTime = now;
      } else if (object.kind === "database") {
        if (object.database.inTrash) throw validationError(ARCHIVED_MESSAGE);
        object.database.inTrash = true;
        object.database.lastEditedTime = now;
      } else {
        throw notFound("block", id);
      }
      store.touch();
      return ok(renderChild(store, canonical(id), render.iso));
    },
  },
];

function insertAtStart(ctx: RouteContext, parentId: string, children: Parameters<typeof insertBlocks>[2]): ReturnType<typeof insertBlocks> {
  const list = ctx.store.childIds(parentId);
  const before = list.slice();
  list.length = 0;
  const created = insertBlocks(ctx.store, parentId, children);
  for (const id of before) list.push(id);
  return created;
}
