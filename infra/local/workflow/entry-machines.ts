import './polyfills';
import { StateMachine } from 'aws-local-stepfunctions';
import type { AslDefinition, AslState } from '../../../shared/workflow/definition';

/** The Map state the local engine runs itself, and the task that stands in for it. */
export const FORK_STATE = 'Referrals';

/** Where a run of the lifecycle starts: the machine itself, or one partner's branch of its Map. */
export type Entry = { branch: boolean; at?: string };

/**
 * The lifecycle definition as the local engine runs it, one `StateMachine` per state a run may start
 * at (built on first use). A released execution is re-entered where it waited: at `Route_<step>`
 * with the signal, or at `Tick_<step>` when its timer falls due (where the wait's `Catch` goes).
 *
 * The partners' Map is the one state not run by the library: an inline Map keeps every iteration
 * (and the whole execution) in memory while one partner still has to answer. The engine forks the
 * iterations itself as runs of the branch (`ItemProcessor`), each parked and re-entered on its own,
 * and continues at the Map's `Next` once every one has ended, as the Map would (its ResultPath is
 * null: the branches' results are discarded).
 */
export class EntryMachines {
  readonly main: AslDefinition;
  readonly branch: AslDefinition;
  /** The state after the Map, where the lifecycle goes on once every branch has ended. */
  readonly afterFork: string;
  private readonly machines = new Map<string, StateMachine>();

  constructor(definition: AslDefinition) {
    const map = definition.States[FORK_STATE] as AslState | undefined;
    const processor = map?.ItemProcessor as AslDefinition | undefined;
    const selector = JSON.stringify(map?.ItemSelector);
    // The fork builds each branch's input itself: it must be the one the definition selects.
    const expected = JSON.stringify({
      'tenantId.$': '$.tenantId',
      'complaintId.$': '$.complaintId',
      'partnerTenantId.$': '$$.Map.Item.Value',
    });
    if (
      map?.Type !== 'Map' ||
      !processor ||
      map.ItemsPath !== '$.partners' ||
      map.ResultPath !== null ||
      selector !== expected
    )
      throw new Error(`the local engine expects ${FORK_STATE} to be the Map over $.partners it forks itself`);
    this.afterFork = String(map.Next);
    this.branch = { Comment: processor.Comment ?? FORK_STATE, StartAt: processor.StartAt, States: processor.States };
    this.main = {
      ...definition,
      States: {
        ...definition.States,
        [FORK_STATE]: { Type: 'Task', Resource: 'local:fork', ResultPath: null, Next: this.afterFork },
      },
    };
  }

  get(entry: Entry): StateMachine {
    const key = `${entry.branch ? 'branch' : 'main'}:${entry.at ?? ''}`;
    let machine = this.machines.get(key);
    if (!machine) {
      const base = entry.branch ? this.branch : this.main;
      // Validated by asl-validator in the tests; the library's own JSONPath check rejects $$.Task.Token.
      machine = new StateMachine({ ...base, StartAt: entry.at ?? base.StartAt } as never, {
        validationOptions: { noValidate: true },
      });
      this.machines.set(key, machine);
    }
    return machine;
  }

  /** Every Task state of both machines, by name (the library calls local handlers by state name). */
  tasks(): [string, AslState][] {
    return [...Object.entries(this.main.States), ...Object.entries(this.branch.States)].filter(
      ([, s]) => s.Type === 'Task',
    );
  }
}
