import type { z } from 'zod';
import type {
  CreateForumItemRequest,
  ForumItem,
  ForumQuery,
  ToComplaintRequest,
  UpdateForumItemRequest,
} from '../../../core/contracts/hotline';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { appendAudit } from '../audit/audit.service';
import { createComplaint, requireStaff } from '../complaints/complaints.service';
import { notify } from '../notifications/notify';
import { requireDealer } from '../org/org.service';
import * as q from './forum.queries';

/**
 * Online-forum monitoring (SPEC §3.25, WF-18): posts found on 汽车之家 / 易车 / 懂车帝 …, passed to the
 * responsible person for prompt handling, or registered as a complaint slip.
 */
function toItem(r: q.ForumRow): ForumItem {
  return {
    id: r.id,
    site: r.site,
    url: r.url,
    title: r.title,
    excerpt: r.excerpt,
    foundAt: r.foundAt.toISOString(),
    sentiment: r.sentiment as ForumItem['sentiment'],
    importance: r.importance as ForumItem['importance'],
    status: r.status as ForumItem['status'],
    forwardedTo: r.forwardedToStaffId ? { id: r.forwardedToStaffId, name: r.forwardedToName ?? '' } : null,
    handledAt: r.handledAt ? r.handledAt.toISOString() : null,
    note: r.note,
    complaintId: r.complaintId,
    createdBy: r.createdByName,
    createdAt: r.createdAt.toISOString(),
  };
}

async function loadItem(db: Db, dealerId: string, id: string) {
  const [row] = await q.findItems(db, dealerId, { id });
  if (!row) throw notFound('Forum item');
  return row;
}

function audit(tx: Db, actor: Actor, dealerId: string, action: string, id: string, details: Record<string, unknown>) {
  return appendAudit(tx, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action,
    entityType: 'forum_item',
    entityId: id,
    ip: actor.ip,
    details,
  });
}

export async function listItems(db: Db, actor: Actor, query: z.infer<typeof ForumQuery>) {
  return { items: (await q.findItems(db, requireDealer(actor), query)).map(toItem) };
}

export async function createItem(db: Db, actor: Actor, input: z.infer<typeof CreateForumItemRequest>) {
  const dealerId = requireDealer(actor);
  const id = await db.transaction().execute(async (tx) => {
    const row = await q.insertItem(tx, {
      dealerId,
      site: input.site,
      url: input.url,
      title: input.title,
      excerpt: input.excerpt ?? '',
      foundAt: input.foundAt ? new Date(input.foundAt) : new Date(),
      sentiment: input.sentiment,
      importance: input.importance,
      createdBy: actor.userId,
    });
    await audit(tx, actor, dealerId, 'forum.create', row.id, { site: input.site, sentiment: input.sentiment });
    return row.id;
  });
  return toItem(await loadItem(db, dealerId, id));
}

/** Forward to the responsible person (notified), mark handled or ignored, re-grade. */
export async function updateItem(db: Db, actor: Actor, id: string, input: z.infer<typeof UpdateForumItemRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadItem(db, dealerId, id);
  const [staff] = input.forwardedToStaffId ? await requireStaff(db, dealerId, [input.forwardedToStaffId]) : [];
  const status = input.status ?? (staff ? 'forwarded' : undefined);
  await db.transaction().execute(async (tx) => {
    await q.updateItem(tx, dealerId, id, {
      ...(status ? { status } : {}),
      ...(status === 'handled' && !row.handledAt ? { handledAt: new Date() } : {}),
      ...(input.importance ? { importance: input.importance } : {}),
      ...(input.sentiment ? { sentiment: input.sentiment } : {}),
      ...(input.forwardedToStaffId !== undefined ? { forwardedToStaffId: input.forwardedToStaffId } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    });
    await audit(tx, actor, dealerId, 'forum.update', id, { status: status ?? null, fields: Object.keys(input) });
    if (staff?.userId)
      await notify(tx, {
        dealerId,
        event: 'forum.forwarded',
        recipients: { userIds: [staff.userId] },
        title: `网络舆情：${row.site}`,
        body: `${row.title}\n${row.url}`,
        link: '/forum',
        dedupeKey: `forum:${id}:forwarded:${staff.id}`,
      });
  });
  return toItem(await loadItem(db, dealerId, id));
}

export async function itemToComplaint(db: Db, actor: Actor, id: string, input: z.infer<typeof ToComplaintRequest>) {
  const dealerId = requireDealer(actor);
  const row = await loadItem(db, dealerId, id);
  if (row.complaintId) throw new AppError('CONFLICT', 'This item already has a complaint');
  const complaintId = await db.transaction().execute(async (tx) => {
    const cid = await createComplaint(
      db,
      actor,
      {
        source: 'forum',
        level: input.level ?? 'complaint',
        customerName: `${row.site}网友`,
        description: input.description ?? `${row.title}\n${row.excerpt}\n${row.url}`.trim(),
        staffIds: [],
        rectificationNeeded: false,
      },
      tx,
    );
    await q.updateItem(tx, dealerId, id, { complaintId: cid, status: row.status === 'new' ? 'forwarded' : row.status });
    await audit(tx, actor, dealerId, 'forum.to-complaint', id, { complaintId: cid });
    return cid;
  });
  return { complaintId };
}
