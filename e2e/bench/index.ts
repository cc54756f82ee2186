/** `npm run bench` (all) or `npm run bench -- api|runner|modules|chaos-mesh|auth|pages|reports|ops|compare|history|scaling`. */
import { benchApi } from "./api";
import { benchAuth } from "./auth";
import { benchChaosMesh } from "./chaos-mesh";
import { benchCompare } from "./compare";
import { benchHistory } from "./history";
import { benchModules } from "./modules";
import { benchOperations } from "./operations";
import { benchPageWeight } from "./page-weight";
import { benchReports } from "./reports";
import { benchRunner } from "./runner";
import { benchScaling, benchScalingColumn } from "./scaling";

const which = process.argv[2];
try {
  if (!which || which === "api") await benchApi();
  if (!which || which === "runner") await benchRunner();
  if (!which || which === "modules") await benchModules();
  if (!which || which === "chaos-mesh") await benchChaosMesh();
  if (!which || which === "auth") await benchAuth();
  if (!which || which === "pages") await benchPageWeight();
  if (!which || which === "reports") await benchReports();
  if (!which || which === "ops") await benchOperations();
  if (!which || which === "compare") await benchCompare();
  if (!which || which === "history") {
    const sizes = process.argv.slice(3).map(Number).filter(Boolean);
    await benchHistory(sizes.length ? sizes : undefined);
  }
  if (!which || which === "scaling") await benchScaling();
  if (which === "scaling-column") await benchScalingColumn(process.argv[3]);
} catch (err) {
  console.error(err);
  process.exit(1);
}
