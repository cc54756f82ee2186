/**
 * One error contract for the whole API. The domain throws AppError; `toErrorResponse` maps it
 * (and anything unexpected) to the Kallisti/DRF envelopes: `{"detail": "..."}` for request-level
 * errors and `{"field": ["message"]}` (nested for list items) for validation errors.
 */
import { createLogger } from "@/lib/log/logger";

export type FieldErrors = { [key: string]: string[] | FieldErrors };

export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly headers?: Record<string, string>;
  /** A body other than `{"detail"}` where Kallisti's contract says so (e.g. the stop 403's `message`). */
  readonly body?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: FieldErrors; headers?: Record<string, string>; body?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = extra.fields;
    this.headers = extra.headers;
    this.body = extra.body;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = () => new AppError("not_found", "Not found.");

/** A validation error on one field, in DRF's shape: `{"field": ["message"]}`. */
export const fieldError = (field: string, message: string) =>
  new AppError("validation", message, { fields: { [field]: [message] } });

export function toErrorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const body = err.body ?? (err.fields ? err.fields : { detail: err.message });
    return Response.json(body, { status: err.status, headers: err.headers });
  }
  // Unexpected: log the real error, answer with a generic JSON body (never an HTML page).
  createLogger("web").error("unhandled error", { error: err });
  return Response.json({ detail: "A server error occurred." }, { status: 500 });
}
