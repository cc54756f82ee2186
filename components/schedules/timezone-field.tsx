"use client";

import { useId, useMemo } from "react";
import { Field } from "@/components/ui/field";
import { browserTimeZone } from "./format";

/** Every IANA zone the browser knows; "UTC" is added since some engines list only "Etc/UTC". */
function knownZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

type Props = { value: string; onChange: (zone: string) => void; error?: string };

/** A text input backed by a <datalist>: typing filters the zones natively, and any zone can be pasted. */
export function TimezoneField({ value, onChange, error }: Props) {
  const listId = useId();
  const zones = useMemo(knownZones, []);
  const mine = useMemo(browserTimeZone, []);
  return (
    <>
      <Field
        label="Time zone"
        name="timezone"
        list={listId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
        autoComplete="off"
        spellCheck={false}
        required
        hint={
          <>
            The pattern is read on this zone&apos;s wall clock, daylight saving included.{" "}
            {value !== mine && (
              <button type="button" className="underline" onClick={() => onChange(mine)}>
                Use mine ({mine})
              </button>
            )}
          </>
        }
      />
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}
