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
];
