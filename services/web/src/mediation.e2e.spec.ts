import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectAccessible, screenshot, signIn } from './testing/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const zone = 'Europe/Paris';
const parisDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);
const parisWeekday = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short' }).format(d);

/** The instant of a wall-clock time in Paris (winter or summer time, whichever the date has). */
function paris(date: string, time: string) {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${date}T${time}:00${offset}`);
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    if (wall.format(instant) === time) return instant.toISOString();
  }
  throw new Error(`no such time ${date} ${time}`);
}

/** The Tuesday after next weekend, as a Paris date: inside the mandates' first 30 days, never in the past. */
function nextTuesday() {
  let day = new Date(Date.now() + 2 * 86_400_000);
  while (parisWeekday(day) !== 'Tue') day = new Date(day.getTime() + 86_400_000);
  return parisDate(day);
}

describe('mediator', () => {
  it('drags a session across the week: the conflict shows before saving, a free slot is saved', async () => {
    const manager = await signIn(browser, 'association-manager');
    const office = await signIn(browser, 'office-manager');
    // The mediator's computer is in New York: the grid, the move form and its times are Paris's all the same.
    const mediator = await signIn(browser, 'mediator', undefined, { timezoneId: 'America/New_York' });
    const name = 'Claire Martin';
    const today = parisDate(new Date());
    type Made = { id: string; created?: string };
    const { id: mediatorId } = await manager.api<Made>('POST', '/api/mediation/mediators', {
      birthDate: '1970-05-04',
      name,
    });
    await manager.api('POST', `/api/mediation/mediators/${mediatorId}/authorisations`, {
      court: 'tj-paris',
      from: today,
      minors: false,
      decisionReference: 'PR-2026-WEB',
    });
    await manager.api('POST', `/api/mediation/mediators/${mediatorId}/availability`, {
      windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', to: '18:00' })),
    });
    const room = await office.api<Made>('POST', '/api/mediation/offices/office-75-bav/rooms', {
      name: 'Salle Web',
      capacity: 6,
    });
    const tuesday = nextTuesday();
    const sessionOf = async (victimName: string, time: string) => {
      const { id: mandateId } = await mediator.api<Made>('POST', '/api/mediation/mandates', {
        officeId: 'office-75-bav',
        court: 'tj-paris',
        prosecutorReference: `PR-${Math.random().toString(36).slice(2, 10)}`,
        offence: { category: 'robbery-theft' },
        orderedOn: today,
        deadline: parisDate(new Date(Date.now() + 90 * 86_400_000)),
      });
      await mediator.api('POST', `/api/mediation/mandates/${mandateId}/mediator`, { mediatorId });
      const victim = await mediator.api<Made>('POST', `/api/mediation/mandates/${mandateId}/parties`, {
        role: 'victim',
        minor: false,
        identity: { name: victimName, email: 'victime@example.org' },
        safeContact: { safeNumber: true, safeEmail: true, noVoicemail: true, hours: [] },
      });
      await mediator.api('POST', `/api/mediation/mandates/${mandateId}/parties/${victim.created}/consent`, {
        decision: 'given',
        expressedAt: new Date().toISOString(),
        channel: 'phone',
      });
      const start = paris(tuesday, time);
      await mediator.api('POST', `/api/mediation/mandates/${mandateId}/sessions`, {
        kind: 'individual',
        start,
        end: new Date(Date.parse(start) + 3_600_000).toISOString(),
        mediatorId,
        roomId: room.created,
        convocations: [{ partyId: victim.created, arriveAt: start }],
      });
    };
    await sessionOf('Vera Victime', '10:00');
    await sessionOf('Vincent Victime', '14:00');

    // The mediator is chosen by name from the association's list.
    await mediator.page.goto(`/mediation/week?date=${tuesday}`);
    await mediator.page.getByRole('option', { name }).waitFor({ state: 'attached' });
    await mediator.page.getByLabel('Médiateur', { exact: true }).selectOption({ label: name });
    await mediator.page.getByRole('heading', { name: `Semaine de ${name}` }).waitFor();
    expect(new URL(mediator.page.url()).searchParams.get('mediatorId')).toBe(mediatorId);
    const morning = mediator.page.getByRole('button', { name: /^10:00–11:00 ?Entretien individuel/ });
    await morning.waitFor();
    await expectAccessible(mediator.page, 'week');
    // Onto the afternoon session: the mediator and the room are taken, and saving is not offered.
    const afternoon = mediator.page.getByRole('button', { name: /^14:00–15:00 ?Entretien individuel/ });
    await morning.dragTo(afternoon, { targetPosition: { x: 10, y: 5 } });
    const conflicts = mediator.page.getByRole('alert').filter({ hasText: 'Ce créneau est en conflit' });
    await conflicts.waitFor();
    await conflicts.getByText('Le médiateur a déjà une séance à cette heure.').waitFor();
    await conflicts.getByText('La salle est déjà occupée à cette heure.').waitFor();
    expect(await mediator.page.getByRole('button', { name: 'Enregistrer le déplacement' }).isDisabled()).toBe(
      true,
    );
    await expectAccessible(mediator.page, 'move conflict');
    await screenshot(mediator.page, 'mediation-week-conflict');

    // Wednesday morning is free: checked, shown and typed in Paris time, then saved.
    await morning.dragTo(mediator.page.locator('[data-slot="3-10:00"]'));
    await mediator.page.getByText('Aucun conflit : le créneau peut être enregistré.').waitFor();
    const wednesday = parisDate(new Date(Date.parse(paris(tuesday, '12:00')) + 86_400_000));
    const typed = mediator.page.getByLabel(/Nouveau début/);
    expect(await typed.inputValue()).toBe(`${wednesday}T10:00`);
    await mediator.page.getByText(/Nouveau créneau : .*10:00 – .*11:00/).waitFor();
    await typed.fill(`${wednesday}T10:30`);
    await mediator.page.getByRole('button', { name: 'Vérifier ce créneau' }).click();
    await mediator.page.getByText(/Nouveau créneau : .*10:30 – .*11:30/).waitFor();
    await mediator.page.getByText('Aucun conflit : le créneau peut être enregistré.').waitFor();
    await mediator.page.getByRole('button', { name: 'Enregistrer le déplacement' }).click();
    await expect
      .poll(async () => {
        const week = await mediator.api<{ sessions: { start: string }[] }>(
          'GET',
          `/api/mediation/mediators/${mediatorId}/week?date=${tuesday}`,
        );
        return week.sessions.map((s) => s.start).sort();
      })
      .toContain(paris(wednesday, '10:30'));
    await screenshot(mediator.page, 'mediation-week');
    await Promise.all([manager.context.close(), office.context.close(), mediator.context.close()]);
  }, 300_000);
});
