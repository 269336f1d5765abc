import { facts } from '../test-builders.ts';
import type { EvviAssessment, EvviCriteria } from './evvi.ts';

export const criteria = (overrides: Partial<EvviCriteria> = {}): EvviCriteria => ({
  harm: { physical: 'serious', psychological: 'very-serious', material: 'minor' },
  circumstances: { discriminatoryMotive: false, sexistMotive: true, linkWithAuthor: 'former-partner' },
  personal: { minor: false, elderly: false, pregnancy: true, disability: false },
  riskOfIntimidationOrReprisals: true,
  coerciveControl: true,
  ...overrides,
});

export const assessment = (overrides: Partial<EvviAssessment> = {}): EvviAssessment => ({
  version: 1,
  requestId: 'evvi-req-1',
  criteria: criteria(),
  level: 'very-high',
  measures: ['serious-danger-phone', 'no-confrontation'],
  opinion: facts().personal,
  ...overrides,
});
