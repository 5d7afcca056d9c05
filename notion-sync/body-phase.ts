/**
 * A plan page's body after its pages are written: rewritten only where its shape changed, then each
 * to-do's words and tick set in place. Failures are told apart by status and by what the sync
 * knows: a page it just made and lost to another sync's copy, a server that takes no page mentions
 * (the same body with the task's words goes through), a to-do block someone deleted (the body is
 * written again instead of refusing the tick on every later sync).
 */
import { bodyWriter } from "./body-writer";
import { explainError } from "./errors";
import type { LocalPlan } from "./local-plans";
import { bodyHash, planBodyBlocks, todoHash, type BlockSpec, type TodoMode } from "./plan-body";
import { followSurvivor } from "./page-writes";
import type { Session } from "./session";
import type { PlanEntry } from "./sync-state";

export interface BodyContext {
  label: string;
  doneOf: ReadonlyMap<string, boolean>;
  /** This run made the page (a refusal may mean another sync's copy was kept instead). */
  createdHere: boolean;
  fresh: boolean;
  /** For following the key to the surviving page. */
  plansDs: string;
  keyProp: string;
}

/** Whether anything in the body was written. */
export async function writeBody(session: Session, local: LocalPlan, entry: PlanEntry, ctx: BodyContext): Promise<boolean> {
  const { state } = session;
  const { rewriteBody } = bodyWriter({ ops: session.ops, writer: session.writer, dry: session.dry, token: session.conn.token, save: () => session.save() });
  const bodyOf = (mode: TodoMode): BlockSpec[] => planBodyBlocks(local.plan, (id) => state.tasks[`${local.key}/${id}`]?.pageId ?? null, (id) => ctx.doneOf.get(id) ?? false, mode);
  const mode: TodoMode = state.mentions === false ? "text" : "mention";
  let blocks = bodyOf(mode);
  let written = false;
  if (bodyHash(blocks) !== entry.bodyHash) {
    try {
      await rewriteBody(entry, blocks, ctx.fresh, ctx.label);
    } catch (error) {
      const e = explainError(error, { token: session.conn.token });
      if (e.status !== 400) throw error;
      // The page we just made was trashed as a duplicate by another vault's sync: its survivor is
      // that sync's to write; ours follows on the next run.
      if (ctx.createdHere && (await followSurvivor(session, ctx.plansDs, ctx.keyProp, local.key, entry))) return true;
      // Refused with page mentions in it: try the task's words instead. When that body goes
      // through, the mentions were what the server refused, and to-dos carry words from now on.
      const hasMentions = blocks.some((b) => b.text.some((r) => r.type === "mention"));
      if (mode !== "mention" || !hasMentions) throw error;
      const withText = bodyOf("text");
      try {
        await rewriteBody(entry, withText, false, ctx.label);
      } catch {
        throw error;
      }
      state.mentions = false;
      await session.save();
      blocks = withText;
    }
    written = true;
  }
  for (const b of blocks) {
    if (b.type !== "to_do" || b.taskId === undefined) continue;
    const todo = entry.todos[b.taskId];
    if (!todo) continue;
    const words = todoHash(b);
    const checked = b.checked === true;
    if (todo.checked === checked && todo.text === words) continue;
    try {
      await session.writer.setTodo(todo.blockId, checked, todo.text !== words ? b.text : null, `${ctx.label} 行事历 / schedule`);
    } catch (error) {
      // The block is gone (someone, or another vault's sync, deleted or rewrote it): write the body again.
      const e = explainError(error, { token: session.conn.token });
      if (e.status !== 400 && e.status !== 404) throw error;
      entry.blocks = undefined;
      await rewriteBody(entry, blocks, false, ctx.label);
      return true;
    }
    todo.checked = checked;
    todo.text = words;
    written = true;
    await session.save();
  }
  return written;
}
