/**
 * Owners (负责人) as workspace members: a task's owner whose name is a member's is set in the
 * people property (负责成员), so Notion notifies them and their "assigned to me" views work. A name
 * no member has stays text only (负责人 always keeps the words as written).
 *
 * The members are read once a sync (users.list, cursors followed), and only when some task names an
 * owner. An integration without the user-read capability is answered 403: that is said once, in
 * words, and the sync goes on with owners as text.
 */
import { explainError } from "./errors";
import type { Session } from "./session";
import type { LocalPlan } from "./local-plans";
import { mirroredTasks } from "./mapping";

export interface Member {
  id: string;
  name: string;
}

/** How the sync's owner names matched, for the report and the settings. */
export interface OwnerMatches {
  /** Owner name as written → the member's name. */
  matched: Record<string, string>;
  unmatched: string[];
}

// "张丽、王海", "张丽/王海", "张丽 王海", "张丽，王海": several owners in one field.
const OWNER_SEPARATORS = /[、，,;；/／\s]+/;
// What an owner field may add to a name: a title after it ("张丽老师"), a role before it.
const TITLE_AFTER = /(老师|主任|主席|校长|组长|同志|副主席)$/;

/** A name as compared: no spaces, no title after it. */
function nameKey(name: string): string {
  return name.replace(/\s+/g, "").replace(TITLE_AFTER, "");
}

/** The owners of one task field, split into names. */
export function ownerNames(owner: string | null): string[] {
  if (owner === null) return [];
  return owner
    .split(OWNER_SEPARATORS)
    .map((n) => n.trim())
    .filter((n) => n !== "");
}

/** The member ids for an owner field, and the names that matched no one. A name two members share matches neither. */
export function matchOwners(owner: string | null, members: readonly Member[]): { ids: string[]; unmatched: string[]; matched: [string, string][] } {
  const ids: string[] = [];
  const unmatched: string[] = [];
  const matched: [string, string][] = [];
  for (const name of ownerNames(owner)) {
    const key = nameKey(name);
    const found = members.filter((m) => nameKey(m.name) === key);
    if (found.length === 1 && found[0]) {
      if (!ids.includes(found[0].id)) ids.push(found[0].id);
      matched.push([name, found[0].name]);
    } else unmatched.push(name);
  }
  return { ids, unmatched, matched };
}

function anyOwner(plans: readonly LocalPlan[]): boolean {
  return plans.some((l) => mirroredTasks(l.plan).some((t) => t.owner !== null));
}

/**
 * The workspace's people, or null when no task names an owner or the integration may not read
 * users (then a note says so).
 */
export async function readMembers(session: Session, plans: readonly LocalPlan[]): Promise<Member[] | null> {
  if (!anyOwner(plans)) return null;
  const out: Member[] = [];
  let cursor: string | undefined;
  try {
    do {
      const res = await session.ops.run({ what: "读取工作区成员 / reading workspace members" }, () => session.ops.client.users.list({ page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) }));
      for (const u of res.results) if (u.type === "person" && typeof u.name === "string" && u.name !== "") out.push({ id: u.id, name: u.name });
      cursor = res.has_more && res.next_cursor ? res.next_cursor : undefined;
    } while (cursor);
  } catch (error) {
    if (explainError(error).status !== 403) throw error;
    session.report.notes.push("集成没有读取用户信息的权限：负责人只按文字同步，不设为 Notion 成员。在集成设置中打开“读取用户信息”后即可通知负责人 / the integration may not read user information: owners are synced as text only; allow it to read user information in the integration's capabilities to have Notion notify owners");
    return null;
  }
  return out;
}

/** Adds one task's matches to the sync's record of them. */
export function recordMatches(into: OwnerMatches, result: ReturnType<typeof matchOwners>): void {
  for (const [name, member] of result.matched) into.matched[name] = member;
  for (const name of result.unmatched) if (!into.unmatched.includes(name)) into.unmatched.push(name);
}

/** Which owners became Notion members (notified there) and which stayed text; "" when no owner was matched against members. */
export function ownersSummary(o: OwnerMatches): string {
  const matched = Object.keys(o.matched);
  if (matched.length === 0 && o.unmatched.length === 0) return "";
  const yes = matched.length > 0 ? `成员 / members: ${matched.join("、")}` : "";
  const no = o.unmatched.length > 0 ? `仅文字 / text only: ${o.unmatched.join("、")}` : "";
  return `负责人 / owners — ${[yes, no].filter((x) => x !== "").join("；")}`;
}
