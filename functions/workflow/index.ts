import { handleWorkflowTask } from '../../shared/application/workflow-tasks';
import { TaskPayloadSchema } from '../../shared/workflow/task-payloads';
import { awsPlatform } from '../aws-platform';

const platform = awsPlatform(undefined, 'redress-workflow');

/**
 * The state machine's task handler (lambda:invoke Payload in, Payload out). Waiting tasks store
 * their token and return; the staff action (or this handler, if the step is done) completes it.
 */
export const handler = async (event: unknown) => handleWorkflowTask(platform, TaskPayloadSchema.parse(event));
