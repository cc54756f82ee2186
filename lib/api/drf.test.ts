import { expect, test } from "vitest";
import { z } from "zod";
import { drfBody, drfBool, drfDict, drfInt, drfList, drfString, toFieldErrors } from "./drf";

const schema = drfBody({
  name: drfString({ max: 5 }),
  items: drfList(z.object({ do: drfString(), where: drfDict() })),
  count: drfInt({ min: 0 }).optional(),
});

const errorsOf = (input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a validation error");
  return toFieldErrors(r.error);
};

test("DRF messages and nesting for list items", () => {
  expect(errorsOf({ items: [{ do: "", where: [] }] })).toEqual({
    name: ["This field is required."],
    items: {
      "0": { do: ["This field may not be blank."], where: ['Expected a dictionary of items but got type "list".'] },
    },
  });
  expect(errorsOf({ name: null, items: "x" })).toEqual({
    name: ["This field may not be null."],
    items: ['Expected a list of items but got type "str".'],
  });
  expect(errorsOf({ name: "toolong", items: [], count: 1.5 })).toEqual({
    name: ["Ensure this field has no more than 5 characters."],
    count: ["A valid integer is required."],
  });
  expect(errorsOf([1])).toEqual({ non_field_errors: ["Invalid data. Expected a dictionary, but got list."] });
});

test("integers and booleans as DRF reads them: integer strings, and the words a form can send", () => {
  const int = drfInt({ min: 0 });
  expect([5, "5", " 5 ", "+5", "5.0", "5.00"].map((v) => int.parse(v))).toEqual([5, 5, 5, 5, 5, 5]);
  for (const bad of ["5.5", "5e2", "0x10", "", "five", true, [5]])
    expect(int.safeParse(bad).success, String(bad)).toBe(false);
  expect(int.safeParse(undefined).error?.issues[0].message).toBe("This field is required.");
  const bool = drfBool();
  expect(["true", "True", "yes", "on", "1", 1, true, "t"].map((v) => bool.parse(v))).toEqual(Array(8).fill(true));
  expect(["false", "FALSE", "no", "off", "0", 0, false, "f"].map((v) => bool.parse(v))).toEqual(Array(8).fill(false));
  expect(bool.safeParse("maybe").error?.issues[0].message).toBe("Must be a valid boolean.");
});
