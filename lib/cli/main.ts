/**
 * The `eris` command: experiments as code and CI gates over Eris's REST API.
 * Exit codes: 0 done (a run: the trial succeeded), 1 failed (a run: the trial did not succeed;
 * apply: a document was refused), 2 wrong use or Eris unreachable.
 */
import { UsageError, flag, flags, has, parseArgs } from "./args";
import { applyDocuments } from "./apply";
import { ApiFailure, Client, connection } from "./client";
import { type Output, exportExperiment, get, signal, stop } from "./commands";
import { readDocuments } from "./documents";
import { parseParam, runExperiment } from "./run";

export const USAGE = `eris: chaos experiments as code, over Eris's REST API

  eris apply -f <file|dir> [--prune]     create or update experiments (and their schedules) by name
  eris run <experiment> [--param k=v]... [--follow] [--report junit=<path>]... [--detach]
                                          start a trial and wait for its end; exit 0 only if it succeeded
  eris get experiments|trials|schedules [name or id] [-o table|json|yaml]
  eris export <experiment> [-o yaml|json] print an experiment and its schedules as apply reads them
  eris stop <trial id>                    stop a trial (its rollback runs)
  eris signal [RUN|PAUSE|STOP] [--reason <why>]   show or set the global signal

Connection: --url / ERIS_URL (default http://localhost:3000), --token / ERIS_TOKEN, or a file
{"url", "token"} at --config / ERIS_CLI_CONFIG / ~/.config/eris/cli.json.`;

type Io = { out: (line: string) => void; err: (line: string) => void };

const output = (v: string | undefined): Output => {
  if (v === undefined) return "table";
  if (v === "table" || v === "json" || v === "yaml") return v;
  throw new UsageError(`-o ${v}: use table, json or yaml`);
};

export async function main(argv: string[], io: Io = { out: console.log, err: console.error }): Promise<number> {
  try {
    const p = parseArgs(argv);
    const [command, ...rest] = p.positionals;
    if (!command || command === "help" || has(p, "help") || has(p, "h")) {
      io.out(USAGE);
      return command ? 0 : 2;
    }
    const client = new Client(connection(p));
    switch (command) {
      case "apply": {
        const files = flags(p, "f", "file");
        if (!files.length) throw new UsageError("eris apply -f <file|dir>");
        const docs = files.flatMap(readDocuments);
        return (await applyDocuments(client, docs, { prune: has(p, "prune"), print: io.out })) ? 1 : 0;
      }
      case "run": {
        if (!rest[0]) throw new UsageError("eris run <experiment name or id>");
        const reports = flags(p, "report").map((r) => {
          const m = /^(\w+)=(.+)$/.exec(r);
          if (!m) throw new UsageError(`--report ${r}: expected <format>=<path>, e.g. junit=report.xml`);
          return { format: m[1], file: m[2] };
        });
        let parameters: Record<string, unknown>;
        try {
          parameters = Object.fromEntries(flags(p, "param", "p").map(parseParam));
        } catch (err) {
          throw new UsageError((err as Error).message);
        }
        return await runExperiment(client, rest[0], {
          parameters,
          follow: has(p, "follow"),
          detach: has(p, "detach"),
          reports,
          print: io.out,
        });
      }
      case "get":
        await get(client, rest[0], rest[1], output(flag(p, "o", "output")), io.out);
        return 0;
      case "export":
        if (!rest[0]) throw new UsageError("eris export <experiment name or id>");
        await exportExperiment(client, rest[0], output(flag(p, "o", "output") ?? "yaml"), io.out, io.err);
        return 0;
      case "stop":
        await stop(client, rest[0], io.out);
        return 0;
      case "signal":
        await signal(client, rest[0], flag(p, "reason"), io.out);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`eris: ${err.message}`);
      return 2;
    }
    io.err(`eris: ${(err as Error).message}`);
    return err instanceof ApiFailure && err.status === 0 ? 2 : 1;
  }
}
