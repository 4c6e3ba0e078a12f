import { workflowSucceeded } from '../../../emulator/project/commands';

const stats = (succeeded: number, total: number, failed = 0) => ({ TotalActions: total, SucceededActions: succeeded, FailedActions: failed, RunningActions: 0 });

test('the CLI counts a workflow run a success only when it COMPLETED with every action SUCCEEDED', () => {
  expect(workflowSucceeded({ Status: 'COMPLETED', Statistics: stats(3, 3) })).toBe(true);
  // Glue calls a run with failed nodes COMPLETED; the CLI does not count it a success.
  expect(workflowSucceeded({ Status: 'COMPLETED', Statistics: stats(2, 3, 1) })).toBe(false);
  // A run marked ERROR (its process died, or another process recovered it) is never a success, whatever its counts.
  expect(workflowSucceeded({ Status: 'ERROR', Statistics: stats(3, 3) })).toBe(false);
  expect(workflowSucceeded({ Status: 'STOPPED', Statistics: stats(1, 1) })).toBe(false);
  expect(workflowSucceeded({ Status: 'RUNNING', Statistics: stats(1, 2) })).toBe(false);
  expect(workflowSucceeded({ Status: 'COMPLETED', Statistics: stats(0, 0) })).toBe(false);
});
