/** Argument fields and checks several aws services share (chaostoolkit-aws's names and shapes). */
import { z } from "zod";

export const filtersArg = z
  .array(z.object({ Name: z.string().min(1), Values: z.array(z.string()) }))
  .describe('EC2-style filters, e.g. [{"Name": "tag:team", "Values": ["checkout"]}]');

export const tagsArg = z
  .array(z.object({ Key: z.string().min(1), Value: z.string() }))
  .min(1)
  .describe('Tags every matched group must have, e.g. [{"Key": "team", "Value": "checkout"}]');

const given = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

type Refinement = [(a: Record<string, unknown>) => boolean, { path: PropertyKey[]; message: string }];

/** A refinement: at least one of `keys` is given (the message lands on the first key). */
export const atLeastOne = (keys: string[], message?: string): Refinement => [
  (a) => keys.some((k) => given(a[k])),
  { path: [keys[0]], message: message ?? `give one of ${keys.join(", ")}` },
];

/** A refinement: exactly one of `keys` is given. */
export const exactlyOne = (keys: string[], message?: string): Refinement => [
  (a) => keys.filter((k) => given(a[k])).length === 1,
  { path: [keys[0]], message: message ?? `give exactly one of ${keys.join(", ")}` },
];

/** How many of `n` items `percent` percent is (chaostoolkit rounds down). */
export const percentOf = (n: number, percent: number) => Math.floor((n * percent) / 100);
