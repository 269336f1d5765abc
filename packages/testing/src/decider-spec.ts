import { expect } from 'vitest';

interface PureDecider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/**
 * given / when / then for deciders:
 *   spec.given([ReferralProposed(...)]).when(AcceptReferral(...)).then([ReferralAccepted(...)])
 *   spec.given([...]).when(...).thenThrows(ReferralNotPending)
 */
export function deciderSpec<Command, Event, State>(decider: PureDecider<Command, Event, State>) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const run = () => {
            const state = events.reduce(decider.evolve, decider.initialState());
            return decider.decide(command, state);
          };
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(error: (new (...args: any[]) => Error) | RegExp | string) {
              expect(run).toThrow(error as never);
            },
            /** The decided events, for assertions the equality above cannot express. */
            events: run,
          };
        },
      };
    },
  };
}
