/**
 * Where each partition of a topic stands: its earliest offset still held and the offset the next
 * message will get (Kafka's high watermark). Offsets are int64, kept as decimal strings.
 *
 * Within the life of a topic a partition's latest offset never goes back. A topic deleted and
 * created again, or a broker replaced without its data, starts again from 0: so offsets that went
 * back tell that the messages written before are gone. Kafka's topic id would say it directly, but
 * kafkajs does not read it.
 */
export type TopicOffsets = { partition: number; earliest: string; latest: string }[];

/**
 * Whether `now` (read after `before` was recorded) shows the topic lost what it held at `before`:
 * a partition missing, or one whose latest offset went back.
 */
export function topicLostData(before: TopicOffsets, now: TopicOffsets): boolean {
  const latest = new Map(now.map(({ partition, latest }) => [partition, BigInt(latest)]));
  return before.some(({ partition, latest: was }) => {
    const is = latest.get(partition);
    return is === undefined || is < BigInt(was);
  });
}

/** How many messages the topic received between `before` and `now` (a partition new since counts from 0). */
export function messagesSince(before: TopicOffsets, now: TopicOffsets): number {
  const was = new Map(before.map(({ partition, latest }) => [partition, BigInt(latest)]));
  let received = 0n;
  for (const { partition, latest } of now) received += BigInt(latest) - (was.get(partition) ?? 0n);
  return Number(received);
}
