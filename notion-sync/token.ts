/**
 * A token that cannot be sent at all (a space, a line break, a Chinese character pasted with it)
 * makes fetch throw a TypeError before any request leaves, which reads like a network failure.
 * Say what it is instead, before the first request.
 */
import { SyncError } from "./errors";

/** Visible ASCII only: what an HTTP header can carry, and all Notion tokens are. */
const TOKEN_SHAPE = /^[\x21-\x7e]+$/;

export function checkToken(token: string): void {
  if (TOKEN_SHAPE.test(token)) return;
  throw new SyncError(
    "unauthorized",
    "令牌无效：它含有空格、换行或非 ASCII 字符（请从集成页面重新复制，只复制令牌本身）/ the token is not valid: it holds spaces, line breaks or non-ASCII characters (copy it again from the integration's page, the token alone)",
  );
}
