/**
 * Masking by value. A trial registers every secret it touches (resolved credentials, values of
 * secret-named parameters, Authorization/Cookie/API-key header values, oauth2 tokens) in one
 * SecretSet; anything that leaves the trial (records, log lines, results, reports, deliveries,
 * the audit trail) goes through `mask()` first, so a secret echoed back by a target, substituted
 * into a URL or copied into a field of any name is still replaced by MASK. Masking by key name
 * (./mask.ts) stays as a second line.
 */
import { MASK, MAX_READ_DEPTH, isSecretKey } from "./mask";

/**
 * Values shorter than this are not masked by value. Replacing every "1" or "ab" in a log would
 * shred ordinary text (numbers, timestamps, words) and would still give the value away: the
 * pattern of masks shows where the short string occurs. Such values stay masked by key name only.
 */
export const MIN_SECRET_LENGTH = 4;

export class SecretSet {
  private readonly values = new Set<string>();
  private list: string[] = [];

  /** Registers a secret and the forms it takes once encoded into a URL, a form or a JSON string. */
  readonly add = (value: unknown): void => {
    if (typeof value !== "string" && typeof value !== "number") return;
    const raw = String(value);
    // Judged on the value itself: its encoded forms are longer but give the same short value away.
    if (raw.trim().length < MIN_SECRET_LENGTH) return;
    const forms = [raw, raw.trim(), encodeURIComponent(raw), new URLSearchParams({ v: raw }).toString().slice(2)];
    forms.push(JSON.stringify(raw).slice(1, -1));
    let changed = false;
    for (const form of forms) {
      if (form.length < MIN_SECRET_LENGTH || this.values.has(form)) continue;
      this.values.add(form);
      changed = true;
    }
    if (changed) this.list = [...this.values];
  };

  /**
   * Registers the values under secret-looking keys (`password`, `api_key`, ...), down to
   * MAX_READ_DEPTH: deeper values are cut on every read path anyway (mask.ts).
   */
  readonly addByKeyName = (value: unknown, depth = 0): void => {
    if (depth >= MAX_READ_DEPTH) return;
    if (Array.isArray(value)) {
      for (const v of value) this.addByKeyName(v, depth + 1);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (isSecretKey(k) && (typeof v === "string" || typeof v === "number")) this.add(v);
        else this.addByKeyName(v, depth + 1);
      }
    }
  };

  get size(): number {
    return this.values.size;
  }

  /**
   * Every occurrence of every secret (overlapping ones too) becomes MASK: the covered ranges are
   * merged first, so no character of any secret survives next to a mask.
   */
  readonly maskString = (text: string): string => {
    if (!this.list.length || !text) return text;
    const ranges: [number, number][] = [];
    for (const secret of this.list) {
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
        ranges.push([at, at + secret.length]);
      }
    }
    if (!ranges.length) return text;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = "";
    let cursor = 0;
    let [start, end] = ranges[0];
    for (const [s, e] of ranges.slice(1)) {
      if (s <= end) {
        end = Math.max(end, e);
        continue;
      }
      out += text.slice(cursor, start) + MASK;
      cursor = end;
      [start, end] = [s, e];
    }
    return out + text.slice(cursor, start) + MASK + text.slice(end);
  };

  /** A copy of any JSON value with every string (object keys included) masked; the input is untouched. */
  readonly mask = <T>(value: T): T => {
    if (!this.list.length) return value;
    return this.walk(value) as T;
  };

  private walk(value: unknown): unknown {
    if (typeof value === "string") return this.maskString(value);
    if (typeof value === "number") {
      // A numeric secret (a PIN) stays a number in JSON: replace the number when it holds one.
      const text = String(value);
      const masked = this.maskString(text);
      return masked === text ? value : masked;
    }
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.maskString(k)] = this.walk(v);
      return out;
    }
    return value;
  }
}
