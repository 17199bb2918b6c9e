import { randomUUID } from 'node:crypto';
import type { CreateWecomRobotRequest, WecomRobot } from '../../../core/contracts/notifications';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { AppError, notFound } from '../../http/errors';
import { checkWebhookUrl, webhookHint } from '../../integrations/wecom/wecom';
import { appendAudit } from '../audit/audit.service';
import { getIdCrypto } from '../customers/keys';
import { requireDealer } from '../org/org.service';
import { scheduleWecomFlush } from './notify';
import * as out from './outbound.queries';

type Row = Awaited<ReturnType<typeof out.findRobots>>[number];
const toRobot = (r: Row): WecomRobot => ({
  id: r.id,
  name: r.name,
  urlHint: r.webhookUrlHint,
  events: r.events,
  active: r.active,
  createdAt: new Date(r.createdAt).toISOString(),
});

export async function listRobots(db: Db, actor: Actor) {
  return { items: (await out.findRobots(db, requireDealer(actor))).map(toRobot) };
}

const audit = (tx: Db, actor: Actor, dealerId: string, action: string, id: string, details: Record<string, unknown>) =>
  appendAudit(tx, {
    dealerId,
    actorUserId: actor.userId,
    actorUsername: actor.username,
    action,
    entityType: 'wecom_robot',
    entityId: id,
    ip: actor.ip,
    details,
  });

/** Saves a group robot; its webhook URL (a secret) is stored AES-GCM encrypted and never shown again. */
export async function createRobot(db: Db, config: Config, actor: Actor, input: CreateWecomRobotRequest) {
  const dealerId = requireDealer(actor);
  const problem = checkWebhookUrl(input.webhookUrl, config.wecomHosts);
  if (problem) throw new AppError('VALIDATION_FAILED', `webhookUrl: ${problem}`, { field: 'webhookUrl' });
  const id = await db.transaction().execute(async (tx) => {
    const row = await out.insertRobot(tx, {
      dealerId,
      name: input.name,
      webhookUrlEnc: getIdCrypto(config).encrypt(input.webhookUrl),
      webhookUrlHint: webhookHint(input.webhookUrl),
      events: [...new Set(input.events)],
      createdBy: actor.userId,
    });
    if (!row) throw new AppError('CONFLICT', `A robot named ${input.name} exists already`);
    await audit(tx, actor, dealerId, 'wecom-robot.create', row.id, { name: input.name });
    return row.id;
  });
  const robot = (await out.findRobots(db, dealerId)).find((r) => r.id === id);
  if (!robot) throw notFound('WeCom robot');
  return toRobot(robot);
}

export async function deleteRobot(db: Db, actor: Actor, id: string) {
  const dealerId = requireDealer(actor);
  await db.transaction().execute(async (tx) => {
    if (!(await out.deleteRobot(tx, dealerId, id))) throw notFound('WeCom robot');
    await audit(tx, actor, dealerId, 'wecom-robot.delete', id, {});
  });
  return { ok: true as const };
}

/** Queues a test message to the group (sent by the worker with the next digest). */
export async function testRobot(db: Db, actor: Actor, id: string) {
  const dealerId = requireDealer(actor);
  if (!(await out.findRobotSecret(db, dealerId, id))) throw notFound('WeCom robot');
  await db.transaction().execute(async (tx) => {
    await out.insertOutbound(tx, {
      dealerId,
      channel: 'wecom',
      idempotencyKey: `test:${randomUUID()}`,
      recipient: id,
      robotId: id,
      subject: '满意 Manyi 测试消息',
      body: `${actor.displayName} 发送的测试消息：机器人配置正确。`,
    });
    await scheduleWecomFlush(tx, dealerId, id);
  });
  return { queued: true as const };
}
