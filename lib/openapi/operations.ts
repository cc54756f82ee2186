/** The operations part of the API reference: Kallisti's notification list and how Eris delivers notifications. */
import {
  emailsOutSchema,
  notificationSettingsOutSchema,
  notificationSettingsSchema,
  putEmailsSchema,
  sendTestSchema,
  testResultSchema,
} from "@/lib/notifications/schemas";
import { type Json, body, errors, ok, ref, schema } from "./helpers";

const forbidden = ok("Admins only", ref("Detail"));

export function operationsPaths(): Json {
  return {
    "/notification": {
      get: {
        tags: ["notification"],
        summary: "Kallisti's notification e-mail list: who gets an e-mail when a trial ends (admins)",
        responses: { "200": ok("The list", ref("NotificationEmails")), "403": forbidden },
      },
      put: {
        tags: ["notification"],
        summary: "Replace the e-mail list (admins); every item must be an e-mail address",
        requestBody: body("NotificationEmails"),
        responses: {
          "200": ok("Saved", ref("NotificationEmails")),
          "400": errors["400"],
          "403": forbidden,
        },
      },
    },
    "/notification/settings": {
      get: {
        tags: ["notification"],
        summary: "SMTP, Slack and Grafana settings (secrets read as *****) and the last delivery per channel (admins)",
        responses: { "200": ok("Settings", ref("NotificationSettings")), "403": forbidden },
      },
      put: {
        tags: ["notification"],
        summary: "Replace the settings (admins). A secret sent back as ***** keeps its stored value",
        requestBody: body("NotificationSettingsWrite"),
        responses: {
          "200": ok("Saved", ref("NotificationSettings")),
          "400": errors["400"],
          "403": forbidden,
        },
      },
    },
    "/notification/test": {
      post: {
        tags: ["notification"],
        summary: "Send a test notification on one channel now (admins); `ok` and `error` say how it went",
        requestBody: body("NotificationTest"),
        responses: {
          "200": ok("Delivered or not", ref("NotificationTestResult")),
          "400": errors["400"],
          "403": forbidden,
        },
      },
    },
  };
}

export function operationsSchemas(): Json {
  return {
    NotificationEmails: schema(putEmailsSchema, "input"),
    NotificationEmailsOut: schema(emailsOutSchema, "output"),
    NotificationSettings: schema(notificationSettingsOutSchema, "output"),
    NotificationSettingsWrite: schema(notificationSettingsSchema, "input"),
    NotificationTest: schema(sendTestSchema, "input"),
    NotificationTestResult: schema(testResultSchema, "output"),
  };
}
