import { createContractRegistry } from './contract.ts';
import { directoryContracts } from './directory/events.ts';
import { followUpContracts } from './followup/events.ts';
import { intakeReadyForOrientationContracts } from './intake/ready-for-orientation.ts';
import { mediationContracts } from './mediation/events.ts';
import { referralContracts } from './referral/events.ts';

/** Every integration event Parcours services exchange; the AsyncAPI document is built from it. */
export const integrationEvents = createContractRegistry([
  ...intakeReadyForOrientationContracts,
  ...referralContracts,
  ...directoryContracts,
  ...followUpContracts,
  ...mediationContracts,
]);
