import { defineAccess } from '@parcours/service-kit';

const association = ['own-office', 'own-association'] as const;

/**
 * Who may read what in the projections service (role × where the case or office stands). The
 * victim's path is a file's reading: the association's staff who may read the file, and auditors.
 * Dashboards are the managers'. Federation figures and the national report carry no identity and
 * no suppressed count: the federation, managers and auditors read them. Rebuilds are the admin's.
 */
export const access = defineAccess({
  'path.read': {
    caseworker: association,
    'office-manager': ['own-office'],
    'association-manager': association,
    auditor: [...association, 'from-national'],
  },
  'dashboard.read': {
    'office-manager': ['own-office'],
    'association-manager': association,
    auditor: [...association, 'from-national'],
  },
  'federation.read': {
    'federation-analyst': 'anywhere',
    'association-manager': 'anywhere',
    'office-manager': 'anywhere',
    auditor: 'anywhere',
    admin: 'anywhere',
  },
  'report.read': {
    'association-manager': association,
    auditor: [...association, 'from-national'],
    'federation-analyst': ['from-national'],
  },
  'report.read-national': {
    'federation-analyst': 'anywhere',
    'association-manager': 'anywhere',
    auditor: 'anywhere',
    admin: 'anywhere',
  },
  'views.manage': { admin: 'anywhere' },
});
export type ProjectionAction = (typeof access.actions)[number];
