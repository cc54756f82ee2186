import { z } from "zod";
import { SIGNAL_STATES } from "@/db/schema";
import { drfBody, drfChoice, drfString } from "@/lib/api/drf";

export const setSignalSchema = drfBody({
  state: drfChoice(SIGNAL_STATES),
  reason: drfString({ max: 500, blank: true }).default(""),
});
export type SetSignalInput = z.output<typeof setSignalSchema>;

export const signalOutSchema = z.object({
  state: z.enum(SIGNAL_STATES),
  reason: z.string(),
  set_by: z.string(),
  set_at: z.string().nullable(),
});
export type SignalOut = z.infer<typeof signalOutSchema>;
