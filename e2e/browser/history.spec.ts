import { expect, test } from "@playwright/test";
import { adminAuth } from "./accounts";
import { createExperiment, shot, startTrial, unique, wait, waitForStatus } from "./helpers";

test("the experiment page charts each trial's outcome and duration, the success rate, and what each revision changed", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const experiment = await createExperiment(request, {
    name: unique("History"),
    parameters: { seconds: 0, url: `${baseURL}/api/v1/health` },
    steps: [wait("Pause", "{{ seconds }}"), { step: "Probe", do: "cm.http_probe", where: { url: "{{ url }}" } }],
  });
  // Revision 1: two successes (one a second longer) and a failure.
  const runs: [object, RegExp][] = [
    [{}, /^Succeeded$/],
    [{ seconds: 1 }, /^Succeeded$/],
    [{ url: "http://127.0.0.1:9/closed" }, /^Failed$/],
  ];
  for (const [parameters, status] of runs)
    await waitForStatus(request, await startTrial(request, experiment.id, parameters), status);
  // Revision 2 renames a step and adds a label; one more success.
  const edited = await request.patch(`/api/v1/experiment/${experiment.id}/`, {
    headers: adminAuth(),
    data: {
      metadata: { team: "payments" },
      steps: [wait("Hold", "{{ seconds }}"), { step: "Probe", do: "cm.http_probe", where: { url: "{{ url }}" } }],
    },
  });
  expect(edited.status()).toBe(200);
  await waitForStatus(request, await startTrial(request, experiment.id), /^Succeeded$/);

  await page.goto(`/experiments/${experiment.id}`);
  const history = page.getByRole("region", { name: "History" });
  const chart = history.getByRole("img", { name: /outcome and duration of each trial/i });
  await expect(chart).toBeVisible();
  const points = chart.getByTestId("history-point");
  await expect(points).toHaveCount(4);
  // Oldest first, left to right; the longer run sits higher (a larger duration).
  expect(await points.evaluateAll((ps) => ps.map((p) => p.getAttribute("data-status")))).toEqual([
    "Succeeded",
    "Succeeded",
    "Failed",
    "Succeeded",
  ]);
  const xs = await points.evaluateAll((ps) => ps.map((p) => Number(p.getAttribute("data-x"))));
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  const durations = await points.evaluateAll((ps) => ps.map((p) => Number(p.getAttribute("data-duration-ms"))));
  expect(durations[1]).toBeGreaterThan(durations[0] + 500);
  await expect(history.getByTestId("history-success-rate")).toHaveText("75%");
  await expect(history).toContainText("3 of 4");

  const changes = history.getByTestId("revision-changes");
  await expect(changes).toContainText("Revision 2");
  await expect(changes).toContainText("Pause");
  await expect(changes).toContainText("Hold");
  await expect(changes).toContainText("team");
  await shot(page, "experiment-history");
});
