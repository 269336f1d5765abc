import type { JobHandler } from '@parcours/eventstore';
import type { FileCommand } from '../file/decide.ts';
import { FILE_JOB, type FollowUpService, systemMetadata } from '../service.ts';
import type { ScheduledCommand } from './schedule.ts';

interface FilePayload {
  fileId: string;
  command: ScheduledCommand;
}

/**
 * Fires a file's job (a reminder, a claim task, an inactivity check) in the scheduler's transaction,
 * as the service, at the job's time: what moved on meanwhile makes the command a no-op.
 */
export function fileJobHandlers(followUp: FollowUpService): Record<string, JobHandler<FilePayload>> {
  return {
    [FILE_JOB]: async (tx, { payload, now, key }) => {
      const metadata = systemMetadata(now, { id: key });
      await followUp.execute(payload.fileId, { ...payload.command, metadata } as FileCommand, metadata, tx);
    },
  };
}
