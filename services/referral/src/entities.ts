import { DirectoryFeedRow } from './directory/feed-entity.ts';
import { ReferralInboxRow } from './referral/inbox/entity.ts';

/** The service's read models (docs/read-models.md), each defined beside what writes it. */
export const referralEntities = [ReferralInboxRow, DirectoryFeedRow] as const;
