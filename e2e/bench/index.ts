/** `npm run bench` (all) or `npm run bench -- api|runner|modules|auth|pages|reports|ops`. */
import { benchApi } from "./api";
import { benchAuth } from "./auth";
import { benchModules } from "./modules";
import { benchOperations } from "./operations";
import { benchPageWeight } from "./page-weight";
import { benchReports } from "./reports";
import { benchRunner } from "./runner";

const which = process.argv[2];
try {
  if (!which || which === "api") await benchApi();
  if (!which || which === "runner") await benchRunner();
  if (!which || which === "modules") await benchModules();
  if (!which || which === "auth") await benchAuth();
  if (!which || which === "pages") await benchPageWeight();
  if (!which || which === "reports") await benchReports();
  if (!which || which === "ops") await benchOperations();
} catch (err) {
  console.error(err);
  process.exit(1);
}
