import { z } from "zod";
import { FailedAction, type ModuleDef, defineAction, sleep } from "../types";
import { commonHttpArgs, httpCall, methodArg } from "./http";

export const cm: ModuleDef = {
  description: "Common actions: HTTP probes and requests, waiting.",
  actions: {
    wait: defineAction({
      description: "Waits a number of seconds (stops at once when the trial is stopped).",
      args: z.object({
        time_in_seconds: z.number().min(0).max(86_400).describe("Seconds to wait"),
      }),
      defaultTimeoutMs: 86_400_000 + 60_000,
      run: async (args, { signal }) => {
        await sleep(args.time_in_seconds * 1000, signal);
        return null;
      },
    }),
    http_probe: defineAction({
      description: "Calls a URL with GET or POST and fails when the status is 400 or above.",
      args: z.object({
        ...commonHttpArgs,
        method: methodArg(["GET", "POST"], (m) => `Invalid method: ${m}. HTTP Probe allows only GET and POST methods`),
      }),
      run: async (args, { signal, credentialHandlers, secret }) => {
        const result = await httpCall(args, signal, credentialHandlers, secret);
        const code = result.status_code as number;
        if (code >= 400) {
          throw new FailedAction(
            `Http probe failed after ${result.response_time_in_seconds} seconds for url ${args.url} with status code ${code}. Details: ${result.response_text}`,
          );
        }
        return result;
      },
    }),
    http_request: defineAction({
      description: "Sends an HTTP request and returns the answer whatever its status.",
      args: z.object({
        ...commonHttpArgs,
        method: methodArg(
          ["GET", "POST", "PUT", "PATCH", "DELETE"],
          (m) => `Invalid method: ${m}. Please specify a valid HTTP request method`,
        ),
      }),
      run: async (args, { signal, credentialHandlers, secret }) => httpCall(args, signal, credentialHandlers, secret),
    }),
  },
};
