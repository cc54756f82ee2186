/**
 * The OpenAPI entries for importing documents (Eris's export, Chaos Mesh Schedules and chaos objects)
 * and exporting an experiment, kept apart from document.ts so that file stays readable.
 */
type Json = Record<string, unknown>;
type Helpers = {
  ok: (description: string, s?: Json, headers?: Json) => Json;
  ref: (name: string) => Json;
  errors: { "400": Json; "404": Json };
  exp: Json;
};

const SCHEDULE_EXAMPLE = `apiVersion: chaos-mesh.org/v1alpha1
kind: Schedule
metadata:
  name: schedule-delay-example
spec:
  schedule: '5 * * * *'
  historyLimit: 2
  concurrencyPolicy: 'Allow'
  type: 'NetworkChaos'
  networkChaos:
    action: delay
    mode: one
    selector:
      namespaces: [default]
      labelSelectors: {app: web-show}
    delay: {latency: '10ms', correlation: '100', jitter: '0ms'}
    duration: '12s'
`;

export function importPaths({ ok, ref, errors, exp }: Helpers): Json {
  const document = { type: "object", additionalProperties: true };
  return {
    "/import": {
      post: {
        tags: ["experiment"],
        summary:
          "Import a document: an Eris experiment export, a Chaos Mesh Schedule (→ an experiment with one chaosmesh step and a schedule) or a Chaos Mesh chaos object (→ an experiment with one step), in one transaction",
        parameters: [
          {
            name: "dry_run",
            in: "query",
            schema: { type: "boolean", default: false },
            description: "Answer with what would be created (200) and write nothing",
          },
        ],
        requestBody: {
          required: true,
          content: {
            "application/yaml": { schema: document, example: SCHEDULE_EXAMPLE },
            "application/json": { schema: document },
          },
        },
        responses: {
          "201": ok("Created: the experiment, the schedule (or null) and its next runs", ref("ImportResult")),
          "200": ok("Dry run: what would be created, without ids", ref("ImportResult")),
          "400": ok(
            'Invalid document: each problem under its path in the document, with its line for YAML, e.g. {"spec.networkChaos.delay.latency": ["latency must be a duration such as \\"30s\\" (line 19)"]}',
            ref("ValidationError"),
          ),
          "413": ok("Larger than ERIS_MAX_BODY_BYTES", ref("Detail")),
          "415": ok("Neither YAML nor JSON", ref("Detail")),
        },
      },
    },
    "/experiment/{id}/export": {
      parameters: [exp],
      get: {
        tags: ["experiment"],
        summary:
          "Export an experiment: json or yaml (Eris's own export, which import takes back unchanged) or chaos-mesh (a Chaos Mesh Schedule, or the chaos object when it has no schedule; YAML, JSON with Accept: application/json)",
        parameters: [
          {
            name: "format",
            in: "query",
            schema: { type: "string", enum: ["json", "yaml", "chaos-mesh"], default: "json" },
          },
        ],
        responses: {
          "200": {
            description: "The document, as an attachment",
            content: { "application/json": { schema: document }, "application/yaml": { schema: { type: "string" } } },
          },
          "409": ok("Not expressible in Chaos Mesh: `detail` and every reason in `reasons`", {
            type: "object",
            properties: { detail: { type: "string" }, reasons: { type: "array", items: { type: "string" } } },
          }),
          ...errors,
        },
      },
    },
  };
}
