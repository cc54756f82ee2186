import { expect, test } from "vitest";
import { type Definition, describeChanges } from "./diff";

const base: Definition = {
  name: "Checkout latency",
  description: "Adds latency",
  metadata: { team: "payments" },
  parameters: { seconds: 5 },
  pre_steps: [],
  steps: [
    { step: "Pause", do: "cm.wait", where: { time_in_seconds: "{{ seconds }}" } },
    { do: "cm.http_probe", where: { url: "http://shop/health" } },
  ],
  post_steps: [],
};

test("nothing changed says nothing", () => {
  expect(describeChanges(base, structuredClone(base))).toEqual([]);
});

test("each kind of change is one sentence naming what changed", () => {
  const after: Definition = {
    ...structuredClone(base),
    name: "Checkout latency v2",
    metadata: { team: "checkout", tier: 1 },
    parameters: {},
    steps: [
      { step: "Hold", do: "cm.wait", where: { time_in_seconds: 10 } },
      { do: "cm.http_request", where: { url: "http://shop/health" }, expect: [{ operator: "eq", status_code: 200 }] },
    ],
    post_steps: [{ step: "Roll back", do: "cm.wait", where: { time_in_seconds: 0 } }],
  };
  expect(describeChanges(base, after)).toEqual([
    "Name: “Checkout latency” → “Checkout latency v2”",
    "Labels: team payments → checkout",
    "Labels: added tier = 1",
    "Parameters: removed seconds",
    "Steps: step 1 renamed “Pause” → “Hold”",
    "Steps: step 1 arguments changed: time_in_seconds",
    "Steps: step 2 action cm.http_probe → cm.http_request",
    "Steps: step 2 expectations changed",
    "Post-steps: step 1 added (“Roll back”, cm.wait)",
  ]);
});
