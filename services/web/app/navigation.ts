import type { Actor } from './features/session/api.ts';

/** The screens of each role, in menu order; the first is the role's home. */
export const navigation = [
  { to: '/helpline/call', label: 'nav.call', roles: ['helpline', 'admin'] },
  { to: '/helpline/callbacks', label: 'nav.callbacks', roles: ['helpline', 'admin'] },
  { to: '/helpline/open-intakes', label: 'nav.openIntakes', roles: ['helpline', 'admin'] },
  { to: '/platform/queue', label: 'nav.queue', roles: ['helpline', 'admin'] },
  { to: '/overdue', label: 'nav.overdue', roles: ['office-manager'] },
  { to: '/inbox', label: 'nav.inbox', roles: ['caseworker', 'office-manager'] },
  { to: '/files', label: 'nav.files', roles: ['caseworker', 'office-manager'] },
  { to: '/assignments', label: 'nav.assignments', roles: ['office-manager'] },
  { to: '/approvals', label: 'nav.approvals', roles: ['office-manager'] },
  { to: '/team', label: 'nav.team', roles: ['office-manager'] },
  { to: '/mediation/week', label: 'nav.mediationWeek', roles: ['mediator'] },
  { to: '/dashboard', label: 'nav.dashboard', roles: ['office-manager', 'association-manager'] },
  { to: '/annual-report', label: 'nav.annualReport', roles: ['association-manager'] },
  { to: '/mass-events', label: 'nav.massEvents', roles: ['helpline', 'association-manager', 'admin'] },
  { to: '/audit', label: 'nav.audit', roles: ['auditor', 'admin'] },
] as const;

export type NavigationItem = (typeof navigation)[number];

export const menuOf = (actor: Actor) =>
  navigation.filter((item) => item.roles.some((role) => (actor.roles as string[]).includes(role)));

/** Where a user lands after signing in. */
export const homeOf = (actor: Actor) => menuOf(actor)[0]?.to ?? '/welcome';
