import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { adminAuth } from "./accounts";

test("every report format downloads from the trial page, and the experiment page offers them too", async ({
  page,
  request,
}) => {
  const exp = await (
    await request.post("/api/v1/experiment/", {
      headers: adminAuth(),
      data: {
        name: "reported",
        parameters: { token: "tok-never-shown" },
        steps: [{ do: "cm.wait", where: { time_in_seconds: 0 } }],
      },
    })
  ).json();
  const trial = await (
    await request.post("/api/v1/trial/", { headers: adminAuth(), data: { experiment: exp.id } })
  ).json();
  await expect
    .poll(
      async () => (await (await request.get(`/api/v1/trial/${trial.id}`, { headers: adminAuth() })).json()).status,
      { timeout: 20_000 },
    )
    .toBe("Succeeded");

  await page.goto(`/trials/${trial.id}`);
  const links = page.getByTestId("report-downloads");
  const expected: [string, RegExp, (body: Buffer) => void][] = [
    ["HTML", /\.html$/, (b) => expect(b.toString()).toContain("<!doctype html>")],
    ["PDF", /\.pdf$/, (b) => expect(b.subarray(0, 5).toString()).toBe("%PDF-")],
    ["JSON", /\.json$/, (b) => expect(JSON.parse(b.toString()).format).toBe("eris-journal/1")],
    ["JUnit", /\.junit\.xml$/, (b) => expect(b.toString()).toContain("<testsuites")],
    ["Markdown", /\.md$/, (b) => expect(b.toString()).toMatch(/^# /)],
    ["XML", /\.xml$/, (b) => expect(b.toString()).toContain("<report-title>")],
  ];
  for (const [label, name, check] of expected) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      links.getByRole("link", { name: label, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^eris-report-trial-${trial.id.slice(0, 8)}-\\d{4}-\\d\\d-\\d\\d`),
    );
    expect(download.suggestedFilename()).toMatch(name);
    const body = fs.readFileSync((await download.path()) as string);
    check(body);
    expect(body.toString("latin1")).not.toContain("tok-never-shown");
  }

  await page.goto(`/experiments/${exp.id}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("report-downloads").getByRole("link", { name: "HTML", exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^eris-report-experiment-${exp.id.slice(0, 8)}-.*\\.html$`));
});
