/** The plan's review status (审核状态) as a badge, coloured by what it says. */
import { el } from "./dom";
import type { ViewContext } from "./context";
import { t } from "./strings";

export type ReviewTone = "approved" | "pending" | "rejected" | "neutral";

export function reviewTone(status: string): ReviewTone {
  if (/通过|批准|同意|approved/i.test(status)) {
    return /未通过|不通过|not approved/i.test(status) ? "rejected" : "approved";
  }
  if (/退回|驳回|不同意|修改|rejected|returned/i.test(status)) return "rejected";
  if (/待|审核中|审批中|pending|review/i.test(status)) return "pending";
  return "neutral";
}

export function reviewBadge(ctx: ViewContext, status: string | null, comment: string | null): HTMLElement | null {
  if (!status) return null;
  const label = `${t(ctx.lang, "reviewStatus")}：${status}`;
  return el(ctx.doc, "span", {
    cls: ["union-plan-badge", `union-plan-badge--${reviewTone(status)}`],
    text: status,
    attr: { title: comment ? `${label}\n${comment}` : label, "aria-label": label },
  });
}
