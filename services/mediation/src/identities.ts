import { serviceActor } from '@parcours/service-kit';
import type { MandateCommand } from './mandate/commands.ts';

/** What follows a mandate's event at once: a refusal or no-shows return the file, an ended file cancels its sessions. */
export const reactionsIdentity = serviceActor<MandateCommand['type']>('mediation-reactions', [
  'ReturnMandate',
  'CancelSession',
]);

/** The scheduler: the prosecutor's deadline, the terms' due dates, the reminders. */
export const schedulerIdentity = serviceActor<MandateCommand['type']>('mediation-scheduler', [
  'ExpireMandate',
  'CheckTermExecution',
]);

/** The follow-up consumer: a file's request becomes a mandate awaiting the prosecutor. */
export const requestsIdentity = serviceActor<MandateCommand['type']>('mediation-requests', [
  'RequestMandate',
]);
