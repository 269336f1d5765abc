import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** A live update as the BFF sends it (ids only). */
export interface LiveUpdate {
  resource: 'referral' | 'intake' | 'dashboard';
  change: string;
  caseId: string;
  referralId?: string;
  at: string;
}

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** The resources whose changes `/live` announces. */
const liveResources: LiveUpdate['resource'][] = ['referral', 'intake', 'dashboard'];

/**
 * Follows `/live` (Server-Sent Events) while signed in and invalidates the queries of the resource
 * that changed: the screens showing it refetch. EventSource reconnects by itself. Each time the
 * stream opens, the live screens refetch too: a change announced while it was not open (before the
 * first open, the screen's first fetch already made; during a reconnection) would otherwise wait for
 * the next change to show.
 */
export function useLiveUpdates(onUpdate?: (update: LiveUpdate) => void): LiveStatus {
  const client = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    const source = new EventSource('/live');
    source.onopen = () => {
      setStatus('open');
      for (const resource of liveResources) void client.invalidateQueries({ queryKey: [resource] });
    };
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    source.addEventListener('update', (event) => {
      const update = JSON.parse((event as MessageEvent<string>).data) as LiveUpdate;
      void client.invalidateQueries({ queryKey: [update.resource] });
      onUpdate?.(update);
    });
    return () => source.close();
  }, [client, onUpdate]);
  return status;
}
