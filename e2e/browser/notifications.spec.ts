/**
 * The Settings page for notifications, as an admin uses it: the recipient list, a Slack webhook
 * saved and read back masked, "Send a test" reaching a local receiver and showing as the last
 * delivery, a bad SMTP port named under its field; viewers are kept out.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SCREENS, stateFile } from "./accounts";

let receiver: http.Server;
let hookUrl = "";
const received: { text: string }[] = [];

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      received.push(JSON.parse(body));
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T1/B1/page-test-secret`;
});
test.afterAll(() => receiver.close());

test("an admin sets recipients and a Slack webhook, sends a test, and sees it delivered", async ({ page }) => {
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();

  await page.getByLabel(/One address per line/).fill("sre@example.com\noncall@example.com");
  await page.getByRole("button", { name: "Save recipients" }).click();
  await expect(page.getByText("Saved 2 addresses.")).toBeVisible();

  await page.getByLabel("Slack (incoming webhook)").check();
  await page.getByLabel("Webhook URL").fill(hookUrl);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Webhook URL")).toHaveValue("*****");
  await expect(page.getByText("Stored and never shown").first()).toBeVisible();
  expect(await page.content()).not.toContain("page-test-secret");

  const slack = page.getByRole("group", { name: "Slack (incoming webhook)" });
  await slack.getByRole("button", { name: "Send a test" }).click();
  await expect(page.getByTestId("test-result-slack")).toHaveText("Test sent.");
  expect(received.at(-1)?.text).toContain("Eris test notification");
  await expect(page.getByTestId("delivery-slack")).toContainText("Last delivery (test): delivered");
  await page.screenshot({ path: path.join(SCREENS, "notifications.png"), fullPage: true });
});

test("a bad SMTP port is named under its field, and nothing is saved", async ({ page }) => {
  await page.goto("/settings/notifications");
  await page.getByLabel("E-mail (SMTP)").check();
  await page.getByLabel("SMTP host").fill("smtp.example.com");
  await page.getByLabel("Port").fill("70000");
  await page.getByLabel("From").fill("eris@example.com");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("channels-error")).toBeVisible();
  await expect(page.getByText("Ensure this value is less than or equal to 65535.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("E-mail (SMTP)")).not.toBeChecked();
});

test.describe("as a viewer", () => {
  test.use({ storageState: stateFile("viewer") });
  test("the page says it needs an admin", async ({ page }) => {
    await page.goto("/settings/notifications");
    await expect(page.getByRole("heading", { name: "Forbidden" })).toBeVisible();
  });
});
