/**
 * The `aws` module: chaostoolkit-aws's actions and probes (the names Kallisti exposes), on the AWS
 * SDK for JavaScript v3. `do` is `aws.<service>.<action>` or, when only one service has the name,
 * `aws.<action>`; see names.ts. Each service's SDK client loads on first use, so listing the
 * catalogue stays light. Connection and credentials: session.ts.
 */
import type { ActionDef, ModuleDef } from "../types";
import { asgActions } from "./asg";
import { asgProbes } from "./asg-probes";
import { cloudwatchActions } from "./cloudwatch";
import { ec2Actions } from "./ec2";
import { ecsActions } from "./ecs";
import { elbv2Actions } from "./elbv2";
import { lambdaActions } from "./lambda";
import { rdsActions } from "./rds";
import { s3Actions } from "./s3";
import { ssmActions } from "./ssm";
import { awsNameResolver } from "./names";
import { CREDENTIALS_REFUSED } from "./session";

const byService: Record<string, Record<string, ActionDef>> = {
  ec2: ec2Actions,
  asg: { ...asgActions, ...asgProbes },
  ecs: ecsActions,
  awslambda: lambdaActions,
  rds: rdsActions,
  elbv2: elbv2Actions,
  ssm: ssmActions,
  s3: s3Actions,
  cloudwatch: cloudwatchActions,
};

const actions: Record<string, ActionDef> = {};
for (const [service, list] of Object.entries(byService)) {
  for (const [name, action] of Object.entries(list)) actions[`${service}.${name}`] = action;
}

export const aws: ModuleDef = {
  description:
    "AWS chaos on the AWS SDK: stop, terminate and reboot EC2 instances, disturb auto-scaling groups, ECS tasks, Lambda functions, RDS clusters, load balancer targets, run SSM commands, and probe their state.",
  actions,
  refusesCredentials: CREDENTIALS_REFUSED,
  resolveName: awsNameResolver(Object.keys(actions)),
};
