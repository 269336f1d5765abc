import { integrationEvents } from '@parcours/contracts';
import { loadGeography } from '@parcours/geography';
import { describe, expect, it } from 'vitest';
import { demoJourneys, demoNetwork, officeEvents } from './generator.ts';
import { progressBar } from './load.ts';

const geography = loadGeography();
const options = { victims: 500, year: 2025 };

describe('the demo year', () => {
  it('is a network of about 130 associations and 850 offices in real communes', () => {
    const offices = demoNetwork(geography, options);
    expect(offices).toHaveLength(850);
    expect(new Set(offices.map((office) => office.associationId)).size).toBe(130);
    for (const office of offices) expect(geography.commune(office.communeCode)).toBeDefined();
    expect(officeEvents(offices, 2025)).toHaveLength(850);
  });

  it('gives the same valid events for the same seed, about nine per victim, never a mediation for couple violence', () => {
    const offices = demoNetwork(geography, options);
    const events = [...demoJourneys(offices, options, 0, 500)].flat();
    expect([...demoJourneys(offices, options, 0, 500)].flat()).toEqual(events);
    for (const event of events)
      expect(integrationEvents.require(event.type).validate(event.data)).toEqual([]);
    expect(events.length / 500).toBeGreaterThan(6);
    expect(events.length / 500).toBeLessThan(13);
    const couple = new Set(
      events
        .filter(
          (e) =>
            e.type.endsWith('ready-for-orientation.v1') &&
            (e.data as { offenceCategory: string }).offenceCategory === 'couple-violence',
        )
        .map((e) => e.subject),
    );
    expect(
      events.filter((e) => e.type.startsWith('fr.parcours.mediation.') && couple.has(e.subject)),
    ).toEqual([]);
  });

  it('draws a progress bar', () => {
    expect(progressBar({ phase: 'log', done: 50, total: 200 })).toBe(
      '[########......................]  25% 50/200 victims logged',
    );
  });
});
