import type { InboxUser } from "@/lib/didit/types";
import { TagPill } from "../tag-pill";
import { DetailRow, DetailSection, none } from "./detail-section";

function List({ items }: { items: string[] }) {
  if (items.length === 0) return none;
  return (
    <ul>
      {items.map((item) => (
        <li key={item} className="break-all">
          {item}
        </li>
      ))}
    </ul>
  );
}

export function ContactSection({ user }: { user: InboxUser }) {
  return (
    <DetailSection title="Contact">
      <dl>
        <DetailRow label="Approved emails">
          <List items={user.approvedEmails} />
        </DetailRow>
        <DetailRow label="Approved phones">
          <List items={user.approvedPhones} />
        </DetailRow>
      </dl>
    </DetailSection>
  );
}

export function TagsSection({ user }: { user: InboxUser }) {
  return (
    <DetailSection title="Tags">
      {user.tags.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No tags.</p>
      ) : (
        <div className="flex flex-wrap gap-1">
          {user.tags.map((tag) => (
            <TagPill key={tag.id} tag={tag} />
          ))}
        </div>
      )}
    </DetailSection>
  );
}
