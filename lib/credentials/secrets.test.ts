import { expect, test } from "vitest";
import { MASK } from "./mask";
import { MIN_SECRET_LENGTH, SecretSet } from "./secrets";

const setOf = (...values: string[]) => {
  const s = new SecretSet();
  for (const v of values) s.add(v);
  return s;
};

test("every occurrence of a secret is masked, inside longer strings too", () => {
  const s = setOf("hunter22");
  expect(s.maskString("https://svc/login?password=hunter22&next=hunter22x")).toBe(
    `https://svc/login?password=${MASK}&next=${MASK}x`,
  );
  expect(s.maskString("nothing to see")).toBe("nothing to see");
});

test("overlapping and nested secrets leave no character of either behind", () => {
  const s = setOf("abcdef", "cdefgh");
  expect(s.maskString("xxabcdefghyy")).toBe(`xx${MASK}yy`);
  // one secret inside another, and a secret overlapping itself
  expect(setOf("pass", "password1").maskString("my password1 and pass")).toBe(`my ${MASK} and ${MASK}`);
  expect(setOf("aaaa").maskString("aaaaaa-aaaa")).toBe(`${MASK}-${MASK}`);
  // two occurrences next to each other are one masked run
  expect(setOf("tok3n").maskString("tok3ntok3n")).toBe(MASK);
});

test(`values shorter than ${MIN_SECRET_LENGTH} characters are not masked by value`, () => {
  const s = setOf("pw", "abc", "", "   ");
  expect(s.size).toBe(0);
  expect(s.maskString("pw abc 123")).toBe("pw abc 123");
  expect(setOf("abcd").maskString("abcd")).toBe(MASK);
});

test("the encoded forms of a secret are masked: URL, form and JSON escapes", () => {
  const s = setOf('p@ss w"rd/1');
  expect(s.maskString(`q=${encodeURIComponent('p@ss w"rd/1')}`)).toBe(`q=${MASK}`);
  expect(s.maskString("password=p%40ss+w%22rd%2F1")).toBe(`password=${MASK}`);
  expect(s.maskString(JSON.stringify({ msg: 'p@ss w"rd/1' }))).toBe(`{"msg":"${MASK}"}`);
});

test("mask() walks any JSON value: strings, keys, numbers, arrays; the input is untouched", () => {
  const s = setOf("s3cr3t-value", "424242");
  const value = {
    step_parameters: { url: "https://x/?key=s3cr3t-value", msg: "s3cr3t-value" },
    logs: ['[INFO] Result: {"response_text":"Bearer s3cr3t-value"}.'],
    pin: 424242,
    other: 42,
    nested: [{ "s3cr3t-value": true }, null, false],
  };
  const masked = s.mask(value);
  expect(masked).toEqual({
    step_parameters: { url: `https://x/?key=${MASK}`, msg: MASK },
    logs: [`[INFO] Result: {"response_text":"Bearer ${MASK}"}.`],
    pin: MASK,
    other: 42,
    nested: [{ [MASK]: true }, null, false],
  });
  expect(JSON.stringify(masked)).not.toContain("s3cr3t");
  expect(value.step_parameters.msg).toBe("s3cr3t-value");
  expect(new SecretSet().mask(value)).toBe(value);
});

test("addByKeyName registers the values of secret-named keys at any depth", () => {
  const s = new SecretSet();
  s.addByKeyName({ password: "open-sesame", nested: [{ api_key: "k-123456" }], user: "ada-lovelace", n: 5 });
  expect(s.maskString("open-sesame k-123456 ada-lovelace")).toBe(`${MASK} ${MASK} ada-lovelace`);
});

test("add is bound: it can be handed over as a callback", () => {
  const s = new SecretSet();
  const register: (v: string) => void = s.add;
  register("handed-over");
  expect(s.mask(["handed-over"])).toEqual([MASK]);
});
