/**
 * GET /v1/users/me: the integration's bot user (the mirror's token check).
 * GET /v1/users: the workspace's people and the bot, paginated (needs the user-read capability,
 * checked before the handler: capabilities.ts).
 */
import { ok, pageSize, paginate, type Route } from "./context";
import type { Store } from "../store";

function botUser(store: Store): Record<string, unknown> {
  return {
    object: "user",
    id: store.botUserId,
    type: "bot",
    name: "union-plan (emulated)",
    avatar_url: null,
    bot: { owner: { type: "workspace", workspace: true }, workspace_name: "Emulated workspace" },
  };
}

export const userRoutes: Route[] = [
  {
    method: "GET",
    pattern: "users/me",
    handler: ({ store }) => ok(botUser(store)),
  },
  {
    method: "GET",
    pattern: "users",
    handler: ({ store }, { query }) => {
      const users: Record<string, unknown>[] = store.members.map((m) => ({ object: "user", id: m.id, type: "person", name: m.name, avatar_url: null, person: {} }));
      users.push(botUser(store));
      const size = pageSize(query.get("page_size") ?? undefined, "query");
      const { page, next } = paginate(users, (u) => String(u.id), query.get("start_cursor") ?? undefined, size);
      return ok({ object: "list", results: page, next_cursor: next, has_more: next !== null, type: "user", user: {} });
    },
  },
];
