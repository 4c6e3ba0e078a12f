/** The state store's schema, one entry per version; `PRAGMA user_version` records how many have been applied. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     kind   TEXT NOT NULL,
     key    TEXT NOT NULL,
     parent TEXT NOT NULL DEFAULT '',
     body   TEXT NOT NULL,
     PRIMARY KEY (kind, key)
   );
   CREATE INDEX documents_by_parent ON documents (kind, parent);`,
  // Run history is read by index: a run's state is a column, so counting a job's active runs or finding the runs a
  // dead process left behind never scans every past run. The owner row and the commit journal come with it.
  `ALTER TABLE documents ADD COLUMN status TEXT;
   UPDATE documents SET status = json_extract(body, '$.JobRunState') WHERE kind = 'jobRun';
   UPDATE documents SET status = json_extract(body, '$.State') WHERE kind IN ('crawl', 'crawler');
   UPDATE documents SET status = json_extract(body, '$.Status') WHERE kind = 'workflowRun';
   CREATE INDEX documents_by_status ON documents (kind, status, parent);
   CREATE TABLE owner (
     id      INTEGER PRIMARY KEY CHECK (id = 1),
     pid     INTEGER NOT NULL,
     host    TEXT NOT NULL,
     token   TEXT NOT NULL,
     command TEXT NOT NULL,
     since   TEXT NOT NULL
   );
   CREATE TABLE commit_journal (
     run_id TEXT PRIMARY KEY,
     body   TEXT NOT NULL
   );`,
];
