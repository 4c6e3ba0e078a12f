/**
 * Errors with Glue's own exception names (GLUE-REFERENCE section 7). The HTTP adapter serializes `name` as `__type`.
 */
export class GlueError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const entityNotFound = (message: string): GlueError => new GlueError('EntityNotFoundException', message);
export const alreadyExists = (message: string): GlueError => new GlueError('AlreadyExistsException', message);
export const invalidInput = (message: string): GlueError => new GlueError('InvalidInputException', message);
export const concurrentRunsExceeded = (message: string): GlueError => new GlueError('ConcurrentRunsExceededException', message);
export const crawlerRunning = (message: string): GlueError => new GlueError('CrawlerRunningException', message);
export const illegalWorkflowState = (message: string): GlueError => new GlueError('IllegalWorkflowStateException', message);
