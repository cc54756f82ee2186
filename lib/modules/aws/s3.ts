/** S3 (chaostoolkit-aws `chaosaws.s3` probes): does a bucket, or an object in it, exist. */
import { z } from "zod";
import { type ActionContext, type ActionDef, FailedAction, defineAction } from "../types";
import { type ConnectionArgs, awsArgs, connect } from "./session";

async function s3(args: ConnectionArgs, ctx: ActionContext) {
  return connect("s3", args, ctx, async () => {
    const sdk = await import("@aws-sdk/client-s3");
    return { sdk, make: (c) => new sdk.S3Client({ ...c, forcePathStyle: c.endpoint !== undefined }) };
  });
}
type S3 = Awaited<ReturnType<typeof s3>>;

const bucket_name = z.string().min(3).describe("Bucket name");

/** HEAD answers 404 (no body, so the SDK calls it NotFound) when the bucket or key is missing. */
const missing = (err: unknown) =>
  err instanceof Error && /NotFound|NoSuchKey|NoSuchBucket|\(HTTP 404\)/.test(err.message);

async function exists(head: () => Promise<unknown>): Promise<boolean> {
  try {
    await head();
    return true;
  } catch (err) {
    if (missing(err)) return false;
    throw err;
  }
}

const bucketExists = (aws: S3, Bucket: string) =>
  exists(() => aws.call(`head bucket ${Bucket}`, (o) => aws.client.send(new aws.sdk.HeadBucketCommand({ Bucket }), o)));

export const s3Actions: Record<string, ActionDef> = {
  bucket_exists: defineAction({
    description: "True when the bucket exists (and the credentials may see it).",
    args: awsArgs({ bucket_name }),
    run: async (a, ctx) => bucketExists(await s3(a, ctx), a.bucket_name),
  }),
  object_exists: defineAction({
    description: "True when the object (optionally that version) exists; fails when the bucket does not.",
    args: awsArgs({
      bucket_name,
      object_key: z.string().min(1).describe("Object key, e.g. reports/today.json"),
      version_id: z.string().min(1).optional().describe("Object version"),
    }),
    run: async (a, ctx) => {
      const aws = await s3(a, ctx);
      if (!(await bucketExists(aws, a.bucket_name)))
        throw new FailedAction(`Bucket "${a.bucket_name}" does not exist!`);
      const input = { Bucket: a.bucket_name, Key: a.object_key, VersionId: a.version_id };
      return exists(() =>
        aws.call(`head object ${a.object_key}`, (o) => aws.client.send(new aws.sdk.HeadObjectCommand(input), o)),
      );
    },
  }),
};
