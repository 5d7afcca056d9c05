/** Finds the route for a method and a path under /v1/. Patterns are "pages/:id" style. */
import type { Route } from "./routes/context";
import { blockRoutes } from "./routes/blocks";
import { commentRoutes } from "./routes/comments";
import { databaseRoutes } from "./routes/databases";
import { dataSourceRoutes } from "./routes/data-sources";
import { pageRoutes } from "./routes/pages";
import { userRoutes } from "./routes/users";
import { viewRoutes } from "./routes/views";

const ROUTES: Route[] = [...userRoutes, ...databaseRoutes, ...dataSourceRoutes, ...pageRoutes, ...blockRoutes, ...viewRoutes, ...commentRoutes];

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** `path` is relative to /v1/, without a leading slash. Undefined when nothing matches. */
export function matchRoute(method: string, path: string): Match | undefined {
  const segments = path.split("/").filter((s) => s !== "");
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const parts = route.pattern.split("/");
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    parts.forEach((part, i) => {
      const segment = segments[i] ?? "";
      if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(segment);
      else if (part !== segment) matched = false;
    });
    if (matched) return { route, params };
  }
  return undefined;
}
