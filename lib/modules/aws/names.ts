/**
 * Which action a `do` name means. Kallisti accepts `aws.<service>.<action>` and `aws.<action>`,
 * but ignored the service and took the first chaostoolkit-aws activity of that name, so
 * `aws.describe_cluster` silently meant ECS's. Here the service part is honoured, and a bare name
 * that several services have is refused with the candidates, whether or not Eris implements them.
 */

/** chaostoolkit-aws's service packages, in Kallisti's discovery order. */
export const CHAOSTOOLKIT_SERVICES = [
  "ec2",
  "ecs",
  "iam",
  "eks",
  "elbv2",
  "asg",
  "awslambda",
  "cloudwatch",
  "rds",
  "elasticache",
  "emr",
  "route53",
  "ssm",
  "fis",
  "s3",
  "msk",
];

/** The SDK's service names, accepted for chaostoolkit's. */
const ALIASES: Record<string, string> = { lambda: "awslambda", autoscaling: "asg" };

/** Activities that several chaostoolkit-aws services export (chaostoolkit-aws 0.35). */
export const SHARED_NAMES: Record<string, string[]> = {
  attach_volume: ["asg", "ec2"],
  delete_cluster: ["ecs", "eks", "msk"],
  describe_cluster: ["ecs", "eks", "emr"],
  detach_random_volume: ["asg", "ec2"],
};

type Resolution = { name: string } | { error: string } | null;

/** `resolveName` for the aws module, whose action keys are `<service>.<action>`. */
export function awsNameResolver(actionKeys: string[]): (name: string) => Resolution {
  const keys = new Set(actionKeys);
  const services = [...new Set(actionKeys.map((k) => k.slice(0, k.indexOf("."))))];
  return (name) => {
    const dot = name.indexOf(".");
    if (dot >= 0) return qualified(name.slice(0, dot), name.slice(dot + 1), keys);
    const implemented = services.filter((s) => keys.has(`${s}.${name}`));
    const candidates = [...new Set([...implemented, ...(SHARED_NAMES[name] ?? [])])].sort();
    if (candidates.length > 1) {
      const listed = candidates.map(
        (s) => `aws.${s}.${name}${keys.has(`${s}.${name}`) ? "" : " (not available in Eris)"}`,
      );
      return {
        error: `"aws.${name}" is ambiguous: ${candidates.length} AWS services have it (${listed.join(", ")}); name the service, e.g. "${listed[0].split(" ")[0]}"`,
      };
    }
    return implemented.length === 1 ? { name: `${implemented[0]}.${name}` } : null;
  };
}

function qualified(service: string, action: string, keys: Set<string>): Resolution {
  const canonical = ALIASES[service] ?? service;
  if (keys.has(`${canonical}.${action}`)) return { name: `${canonical}.${action}` };
  if (!CHAOSTOOLKIT_SERVICES.includes(canonical)) {
    return {
      error: `Unknown AWS service "${service}" in "aws.${service}.${action}" (known: ${CHAOSTOOLKIT_SERVICES.join(", ")})`,
    };
  }
  const available = [...keys].filter((k) => k.startsWith(`${canonical}.`)).map((k) => k.slice(canonical.length + 1));
  const offer = available.length
    ? `its ${canonical} actions: ${available.join(", ")}`
    : `no ${canonical} action is available yet`;
  return { error: `Could not find function "aws.${canonical}.${action}" in module "aws" (${offer})` };
}
