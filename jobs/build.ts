/** `node --import tsx jobs/build.ts`: build the web app if its sources changed (what `npm start` does first). */
import { buildIfStale } from "./build-state";

process.exit(buildIfStale() ? 0 : 1);
