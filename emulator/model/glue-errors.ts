/**
 * Errors with Glue's own exception names (GLUE-REFERENCE section 7) and the HTTP status Glue answers them with. The HTTP
 * adapter serializes `name` as `__type`.
 */
export class GlueError extends Error {
  constructor(name: GlueErrorName, message: string, readonly httpStatus = 400) {
    super(message);
    this.name = name;
  }
}

export type GlueErrorName =
  | 'EntityNotFoundException'
  | 'AlreadyExistsException'
  | 'InvalidInputException'
  | 'ConcurrentRunsExceededException'
  | 'CrawlerRunningException'
  | 'IllegalWorkflowStateException'
  | 'OperationTimeoutException'
  | 'InternalServiceException';

export const entityNotFound = (message: string): GlueError => new GlueError('EntityNotFoundException', message);
export const alreadyExists = (message: string): GlueError => new GlueError('AlreadyExistsException', message);
export const invalidInput = (message: string): GlueError => new GlueError('InvalidInputException', message);
export const concurrentRunsExceeded = (message: string): GlueError => new GlueError('ConcurrentRunsExceededException', message);
export const crawlerRunning = (message: string): GlueError => new GlueError('CrawlerRunningException', message);
export const illegalWorkflowState = (message: string): GlueError => new GlueError('IllegalWorkflowStateException', message);

export function isGlueError(e: unknown, name: GlueErrorName): boolean {
  return e instanceof GlueError && e.name === name;
}
