import { describe, expect, it } from 'vitest';
import { messagesSince, type TopicOffsets, topicLostData } from './topic-offsets.ts';

const at = (...latest: number[]): TopicOffsets =>
  latest.map((offset, partition) => ({ partition, earliest: '0', latest: String(offset) }));

describe('topic offsets', () => {
  it('tell a topic that lost its data: a partition whose latest offset went back, or gone', () => {
    expect(topicLostData(at(10, 4), at(10, 4))).toBe(false);
    expect(topicLostData(at(10, 4), at(12, 9))).toBe(false);
    expect(topicLostData(at(10, 4), at(0, 0))).toBe(true);
    expect(topicLostData(at(10, 4), at(11, 3))).toBe(true);
    expect(topicLostData(at(10, 4), at(10))).toBe(true);
    // A partition added since is no loss.
    expect(topicLostData(at(10), at(10, 0))).toBe(false);
    expect(topicLostData([], at(0))).toBe(false);
  });

  it('count the messages received since, new partitions from 0, beyond 2^53 without rounding', () => {
    expect(messagesSince(at(10, 4), at(15, 4))).toBe(5);
    expect(messagesSince(at(10), at(10, 3))).toBe(3);
    expect(messagesSince([], at(2, 2))).toBe(4);
    const far = [{ partition: 0, earliest: '0', latest: '9007199254740993' }];
    expect(messagesSince(far, [{ partition: 0, earliest: '0', latest: '9007199254740995' }])).toBe(2);
  });
});
