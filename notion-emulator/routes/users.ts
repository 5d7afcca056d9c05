/** GET /v1/users/me: the integration's bot user (the mirror's token check). */
import { ok, type Route } from "./context";

export const userRoutes: Route[] = [
  {
    method: "GET",
    pattern: "users/me",
    handler: ({ store }) =>
      ok({
        object: "user",
        id: store.botUserId,
        type: "bot",
        name: "union-plan (emulated)",
        avatar_url: null,
        bot: { owner: { type: "workspace", workspace: true }, workspace_name: "Emulated workspace" },
      }),
  },
];
