import { serviceActor } from '@parcours/service-kit';
import type { ReferralCommand } from './decide.ts';

/** The routing consumer: proposes each oriented intake's referral, or queues it for the national platform. */
export const routerIdentity = serviceActor<ReferralCommand['type']>('referral-router', [
  'ProposeReferral',
  'QueueReferral',
]);

/** The deadline scheduler: reminders and expiries (an expired transfer goes back to the national queue). */
export const schedulerIdentity = serviceActor<ReferralCommand['type']>('referral-scheduler', [
  'SendReminder',
  'ExpireReferral',
  'QueueReferral',
]);
