import type { Database, EncryptedEnvelope, Sql, Tx } from '@parcours/eventstore';
import type { ReminderNotification } from './invitations/notification.ts';

/** A notification as the sender reads it: the reminder and the party's address, sealed with their key. */
export interface QueuedNotification extends ReminderNotification {
  /** `{ to }`: the safe number or e-mail address, encrypted for `subjectId`. */
  address: EncryptedEnvelope;
}

/**
 * Hands a notification to the association's SMS and e-mail gateway, in the transaction that marks it
 * sent (a gateway call is keyed by `notificationId`, so a retry after a crash sends nothing twice).
 */
export type NotificationDelivery = (tx: Tx, notification: QueuedNotification) => Promise<void>;

/** Queues a reminder in the notifications outbox, once per id whoever fires it (a second time: nothing). */
export async function queueNotification(sql: Sql, notification: QueuedNotification): Promise<boolean> {
  const rows = await sql.query(
    `INSERT INTO mediation_notifications
       (notification_id, mandate_id, session_id, party_id, subject_id, channel, leave_voicemail, hours_before, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (notification_id) DO NOTHING
     RETURNING 1`,
    [
      notification.notificationId,
      notification.mandateId,
      notification.sessionId,
      notification.partyId,
      notification.subjectId,
      notification.channel,
      notification.leaveVoicemail,
      notification.hoursBefore,
      JSON.stringify(notification.address),
    ],
  );
  return rows.length === 1;
}

interface Row {
  notification_id: string;
  mandate_id: string;
  session_id: string;
  party_id: string;
  subject_id: string;
  channel: QueuedNotification['channel'];
  leave_voicemail: boolean;
  hours_before: number;
  address: EncryptedEnvelope;
}

/**
 * The development sender: records what it would send in `mediation_dev_deliveries` (the address
 * still sealed: nothing personal in clear), for tests and a developer to read.
 */
export const devDelivery: NotificationDelivery = async (tx, n) => {
  await tx.query(
    `INSERT INTO mediation_dev_deliveries (notification_id, subject_id, channel, leave_voicemail, address)
     VALUES ($1, $2, $3, $4, $5)`,
    [n.notificationId, n.subjectId, n.channel, n.leaveVoicemail, JSON.stringify(n.address)],
  );
};

interface SenderOptions {
  pollMs?: number;
  batchSize?: number;
  logger?: { error(o: object, m: string): void };
}

/**
 * Sends what the notifications outbox holds: each row taken by one sender only (`FOR UPDATE SKIP
 * LOCKED`, several instances side by side), delivered and marked sent in one transaction.
 */
export class NotificationSender {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  private readonly db: Database;
  private readonly deliver: NotificationDelivery;
  private readonly options: SenderOptions;

  constructor(db: Database, deliver: NotificationDelivery, options: SenderOptions = {}) {
    this.db = db;
    this.deliver = deliver;
    this.options = options;
  }

  /** Sends every pending notification; returns how many went out. */
  async sendOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.db.transaction(async (tx) => {
        const rows = await tx.query<Row>(
          `SELECT notification_id, mandate_id, session_id, party_id, subject_id, channel, leave_voicemail,
                  hours_before, address
           FROM mediation_notifications WHERE sent_at IS NULL
           ORDER BY created_at, notification_id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [this.options.batchSize ?? 50],
        );
        for (const row of rows) {
          await this.deliver(tx, {
            notificationId: row.notification_id,
            mandateId: row.mandate_id,
            sessionId: row.session_id,
            partyId: row.party_id,
            subjectId: row.subject_id,
            channel: row.channel,
            leaveVoicemail: row.leave_voicemail,
            hoursBefore: row.hours_before,
            address: row.address,
          });
        }
        if (rows.length > 0)
          await tx.query(
            'UPDATE mediation_notifications SET sent_at = now() WHERE notification_id = ANY($1)',
            [rows.map((row) => row.notification_id)],
          );
        return rows.length;
      });
      total += sent;
      if (sent < (this.options.batchSize ?? 50)) return total;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.sendOnce();
        } catch (error) {
          this.options.logger?.error({ err: error }, 'mediation notifications not sent');
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.options.pollMs ?? 1_000).unref();
        });
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
