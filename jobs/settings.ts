/** What `npm start`'s supervisor needs from the settings, validated for it by jobs/prepare.ts. */
export type SupervisorSettings = {
  port: number;
  hostname: string;
  databasePath: string;
  /** How long the supervisor waits for the runner to stop: its grace, its rollback, and 10 s. */
  runnerStopTimeoutMs: number;
};
