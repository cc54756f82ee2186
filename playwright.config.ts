import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { EMAIL, PASSWORD, stateFile } from "./e2e/browser/accounts";
import { FAKE_K8S_PORT, FAKE_K8S_TOKEN } from "./e2e/browser/fake-cluster";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.join(os.tmpdir(), `eris-e2e-${process.pid}`);
// Outside the data directory: Eris never lets a credential read its own files.
const kubeDir = path.join(os.tmpdir(), `eris-e2e-kube-${process.pid}`);

export default defineConfig({
  testDir: "e2e/browser",
  timeout: 30_000,
  workers: 1,
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  // Creates the operator and viewer, and signs every role in through the real /signin page.
  globalSetup: "./e2e/browser/global-setup.ts",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Specs run as the signed-in admin unless they say otherwise (test.use({ storageState })).
    storageState: stateFile("admin"),
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      // A cluster for chaos steps: the runner reaches it through the kubeconfig it writes.
      command: "node --import tsx e2e/fixtures/fake-k8s-server.ts",
      port: FAKE_K8S_PORT,
      timeout: 60_000,
      reuseExistingServer: false,
      env: {
        FAKE_K8S_PORT: String(FAKE_K8S_PORT),
        FAKE_K8S_TOKEN,
        FAKE_K8S_KUBECONFIG: path.join(kubeDir, "config"),
      },
    },
    {
      // The real `npm start` path: build if needed, migrate, web + runner, on a fresh database.
      command: "node jobs/launch.mjs start",
      url: `http://127.0.0.1:${PORT}/api/v1/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        HOSTNAME: "127.0.0.1",
        DATABASE_PATH: path.join(dataDir, "eris.db"),
        // Set by `npm test` for its PostgreSQL pass: the same suite against a PostgreSQL database.
        ...(process.env.DATABASE_URL
          ? {
              DATABASE_URL: process.env.DATABASE_URL,
              NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "browser-tests-session-secret",
            }
          : {}),
        // start.ts creates this first admin on the empty database, so no test depends on /setup.
        ERIS_ADMIN_EMAIL: EMAIL.admin,
        ERIS_ADMIN_PASSWORD: PASSWORD,
        // Short, so the no-runner warning can be seen within a test when the runner stalls.
        ERIS_RUNNER_LEASE_MS: "3000",
        ERIS_RUNNER_HEARTBEAT_MS: "500",
        // The fake cluster, as a deployment reaches its own: a kubeconfig in an allowed directory.
        KUBECONFIG: path.join(kubeDir, "config"),
        ERIS_CREDENTIAL_DIRS: kubeDir,
        // Adds the `ticker` module (a step that logs every second) for the live-log test.
        ERIS_CONFIG: fileURLToPath(new URL("./e2e/fixtures/eris.config.json", import.meta.url)),
      },
    },
  ],
});
