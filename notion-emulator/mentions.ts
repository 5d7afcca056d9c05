/**
 * Page mentions in block rich text: which pages a request may mention (those that exist and are
 * shared with the integration) and, at every read, the mentioned page's current title and url, so a
 * renamed page shows its new title without a write to the block that mentions it, as in Notion.
 */
import { valueOn } from "./property-values";
import { pageUrl } from "./render";
import { plainText, type MentionTargets, type RichTextItem } from "./rich-text";
import { canonical, type Store, type StoredPage } from "./store";

/** What Notion shows for a page it cannot show (not shared any more). */
const UNTITLED = "Untitled";

/** A page's title as plain text: its title property in a data source, else its "title" value. */
export function pageTitle(store: Store, page: StoredPage): string {
  if (page.parent.kind !== "data_source") return plainText((page.values.get("title") ?? []) as RichTextItem[]);
  const ds = store.dataSources.get(page.parent.dataSourceId);
  if (!ds) return "";
  const schema = ds.properties.get(store.titlePropertyId(ds));
  return schema ? plainText(valueOn(page.values, schema) as RichTextItem[]) : "";
}

/** Pages a request may mention: they exist (in the trash or not) and the integration sees them. */
export function mentionTargets(store: Store): MentionTargets {
  return {
    page(id) {
      const page = store.pages.get(canonical(id));
      if (!page || !store.isVisible(page.id)) return undefined;
      const title = pageTitle(store, page);
      return { id: page.id, title, url: pageUrl(page.id, title) };
    },
  };
}

/** Rich text with each page mention's plain_text and href as they are now; other items unchanged. */
export function withCurrentMentions(store: Store, items: readonly RichTextItem[]): RichTextItem[] {
  return items.map((item) => {
    if (item.type !== "mention") return item;
    const id = item.mention.page.id;
    const page = store.pages.get(id);
    const title = page && store.isVisible(id) ? pageTitle(store, page) : null;
    return { ...item, plain_text: title ?? UNTITLED, href: pageUrl(id, title ?? "") };
  });
}
