/** `npm run bench` (all) or `npm run bench -- api|runner`. */
import { benchApi } from "./api";
import { benchRunner } from "./runner";

const which = process.argv[2];
try {
  if (!which || which === "api") await benchApi();
  if (!which || which === "runner") await benchRunner();
} catch (err) {
  console.error(err);
  process.exit(1);
}
