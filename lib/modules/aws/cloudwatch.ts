/** CloudWatch (chaostoolkit-aws `chaosaws.cloudwatch` probes): an alarm's state, a metric's statistic. */
import type { StandardUnit } from "@aws-sdk/client-cloudwatch";
import { z } from "zod";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { atLeastOne } from "./args";
import { type ConnectionArgs, awsArgs, connect } from "./session";

async function cloudwatch(args: ConnectionArgs, ctx: ActionContext) {
  return connect("cloudwatch", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-cloudwatch");
    return { sdk, make: (c) => new sdk.CloudWatchClient(c) };
  });
}

export const cloudwatchActions: Record<string, ActionDef> = {
  get_alarm_state_value: defineAction({
    description: "The alarm's state: OK, ALARM or INSUFFICIENT_DATA.",
    args: awsArgs({ alarm_name: z.string().min(1).describe("Alarm name") }),
    run: async (a, ctx) => {
      const aws = await cloudwatch(a, ctx);
      const out = await aws.call(`describe alarm ${a.alarm_name}`, (o) =>
        aws.client.send(new aws.sdk.DescribeAlarmsCommand({ AlarmNames: [a.alarm_name] }), o),
      );
      const alarm = out.MetricAlarms?.[0] ?? out.CompositeAlarms?.[0];
      if (!alarm) throw new FailedAction(`CloudWatch alarm name ${a.alarm_name} not found`);
      return alarm.StateValue;
    },
  }),
  get_metric_statistics: defineAction({
    description:
      "One statistic of a metric over the `duration` seconds ending `offset` seconds ago (one period); 0 when there is no data point.",
    args: awsArgs({
      namespace: z.string().min(1).describe("Metric namespace, e.g. AWS/EC2"),
      metric_name: z.string().min(1).describe("Metric name, e.g. CPUUtilization"),
      dimension_name: z.string().min(1).optional().describe("Name of the one dimension (or use dimensions)"),
      dimension_value: z.string().min(1).optional().describe("Value of that dimension"),
      dimensions: z
        .array(z.object({ Name: z.string().min(1), Value: z.string() }))
        .optional()
        .describe('Several dimensions, e.g. [{"Name": "InstanceId", "Value": "i-0abc"}]'),
      duration: z.number().int().min(1).default(60).describe("Seconds covered (also the period)"),
      offset: z.number().int().min(0).default(0).describe("Seconds before now the window ends"),
      statistic: z.enum(["SampleCount", "Average", "Sum", "Minimum", "Maximum"]).optional().describe("Statistic"),
      extended_statistic: z.string().min(1).optional().describe("Percentile statistic, e.g. p99"),
      unit: z.string().min(1).optional().describe("Unit, e.g. Percent"),
    })
      .refine(
        ...atLeastOne(
          ["statistic", "extended_statistic"],
          "You must supply argument for statistic or extended_statistic",
        ),
      )
      .refine(...atLeastOne(["dimensions", "dimension_name"], "You must supply argument for dimensions")),
    run: async (a, ctx) => {
      const aws = await cloudwatch(a, ctx);
      const EndTime = new Date(Date.now() - a.offset * 1000);
      const StartTime = new Date(EndTime.getTime() - a.duration * 1000);
      const Dimensions = a.dimensions ?? [{ Name: a.dimension_name ?? "", Value: a.dimension_value ?? "" }];
      const out = await aws.call(`get statistics of ${a.namespace} ${a.metric_name}`, (o) =>
        aws.client.send(
          new aws.sdk.GetMetricStatisticsCommand({
            Namespace: a.namespace,
            MetricName: a.metric_name,
            Dimensions,
            StartTime,
            EndTime,
            Period: a.duration,
            Statistics: a.statistic ? [a.statistic] : undefined,
            ExtendedStatistics: a.extended_statistic ? [a.extended_statistic] : undefined,
            // AWS checks the unit name; the SDK's type is its list of names.
            Unit: a.unit as StandardUnit | undefined,
          }),
          o,
        ),
      );
      const point = out.Datapoints?.[0];
      if (!point) return 0;
      return a.statistic ? point[a.statistic] : point.ExtendedStatistics?.[a.extended_statistic ?? ""];
    },
  }),
};
