import { errorRecordsQuery } from '../error-records';
import type { NodeCompiler } from '../node-compiler';

/**
 * `frame.errorsAsDynamicFrame()`: the error records of every step that led to the input, in the order of the steps
 * (Unconfirmed: the developer guide says "nested error records leading up to the creation of the source
 * DynamicFrame"; gluekit takes it to include the earlier steps'). None give an empty frame.
 */
export const compileErrorsAsDynamicFrame: NodeCompiler<'ErrorsAsDynamicFrame'> = async (node, [input], session) => {
  const errors = input.errors ?? [];
  return errors.length === 0 ? session.emptyFrame(node.id) : session.frame(node.id, errorRecordsQuery(errors));
};
