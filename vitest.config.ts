import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@/": `${path.resolve(import.meta.dirname)}/` } },
  test: {
    include: ["lib/**/*.test.ts", "jobs/**/*.test.ts", "db/**/*.test.ts", "e2e/api/**/*.test.ts"],
    fileParallelism: true,
    setupFiles: ["e2e/api/setup.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
  },
});
