import { IntakeReadyForOrientationV2 } from '@parcours/contracts';
import { fromKafkaMessage } from '@parcours/messaging';
import { Kafka, type KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helplineCall, startTestService, type TestService } from '../test-support.ts';

let service: TestService;
beforeAll(async () => {
  // The service creates its topic at boot.
  service = await startTestService('kafka');
});
afterAll(async () => {
  await service?.close();
});

describe('IntakeReadyForOrientation on Kafka', () => {
  it('is a valid CloudEvent keyed by case id whose bytes hold no name, phone or address in clear', async () => {
    const res = await service.app.inject({
      method: 'POST',
      url: '/intakes/helpline-calls',
      payload: helplineCall(),
      headers: await service.auth('helpline'),
    });
    expect(res.statusCode).toBe(201);
    expect(await service.module.relay.drainOnce()).toBe(1);

    const kafka = new Kafka({
      clientId: 'intake-test-reader',
      brokers: service.config.KAFKA_BROKERS,
      logLevel: 0,
    });
    const consumer = kafka.consumer({ groupId: `reader-${service.topic}` });
    const received: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [service.topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push(message);
      },
    });
    const deadline = Date.now() + 20_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await consumer.disconnect();

    expect(received).toHaveLength(1);
    const message = received[0]!;
    const { event, headers } = fromKafkaMessage(message);
    expect(headers['ce_specversion']).toBe('1.0');
    expect(headers['content-type']).toBe('application/json');
    expect(event.type).toBe('fr.parcours.intake.ready-for-orientation.v2');
    expect(event.source).toBe('/parcours/intake');
    expect(message.key?.toString()).toBe(event.subject);
    expect(IntakeReadyForOrientationV2.validate(event.data)).toEqual([]);
    expect(event.data).toMatchObject({
      intakeId: res.json().intakeId,
      channel: 'helpline',
      residence: { postcode: '75011', communeCode: '75111', countryCode: 'FR' },
      offenceCategory: 'couple-violence',
      authorLink: 'partner',
      urgency: 'high',
      consent: { services: true, sharing: true },
      safeContact: { safeNumber: true, safeHours: true, noVoicemail: true, throughThirdParty: false },
      personal: { enc: 'aes-256-gcm/v1' },
    });

    const bytes = Buffer.concat([
      message.value ?? Buffer.alloc(0),
      message.key ?? Buffer.alloc(0),
      ...Object.entries(message.headers ?? {}).flatMap(([k, v]) => [Buffer.from(k), Buffer.from(String(v))]),
    ]).toString('utf8');
    const personal = helplineCall().personal;
    for (const clear of [
      personal.identity.lastName,
      personal.identity.firstName,
      'Lefevre',
      personal.contact.phone,
      personal.contact.phone.replaceAll(' ', ''),
      '0612345678',
      personal.contact.safeNumber,
      personal.address.lines[0]!,
      'Roquette',
      personal.birthDate,
      personal.narrative,
    ]) {
      expect(bytes).not.toContain(clear);
    }
    // The envelope decrypts to the personal data for whoever holds the key (and nobody after erasure).
    const envelope = (event.data as { personal: Parameters<typeof service.module.keys.decrypt>[0] }).personal;
    expect(await service.module.keys.decrypt(envelope)).toMatchObject({ identity: personal.identity });
    await service.module.keys.erase(envelope.subject, 'test');
    expect(await service.module.keys.tryDecrypt(envelope)).toBeNull();
  });
});
