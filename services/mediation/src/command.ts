/**
 * Who acts and when, read once by the caller (HTTP request, consumer, scheduler) so that the
 * deciders stay pure. The same shape as referral's; to be unified with the kit's.
 */
export interface CommandMetadata {
  now: Date;
  actor: { id: string; roles: readonly string[]; association?: string; office?: string };
}

export type Cmd<Type extends string, Data> = { type: Type; data: Data; metadata: CommandMetadata };
