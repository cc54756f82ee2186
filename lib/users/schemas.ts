import { z } from "zod";
import { ROLES } from "@/db/schema";
import { drfBody, drfBool, drfChoice, drfInt, drfString } from "@/lib/api/drf";
import { PASSWORD_MIN } from "@/lib/auth/password";

const email = drfString({ max: 254 })
  .transform((e) => e.toLowerCase())
  .pipe(z.email({ error: "Enter a valid email address." }));
const password = z
  .string({ error: (i) => (i.input === undefined ? "This field is required." : "Not a valid string.") })
  .min(PASSWORD_MIN, `Ensure this field has at least ${PASSWORD_MIN} characters.`)
  .max(200, "Ensure this field has no more than 200 characters.");

export const createUserSchema = drfBody({
  email,
  name: drfString({ max: 100, blank: true }).default(""),
  password,
  role: drfChoice(ROLES).default("viewer"),
});
export const setupSchema = drfBody({ email, name: drfString({ max: 100, blank: true }).default(""), password });
export const updateUserSchema = drfBody({
  name: drfString({ max: 100, blank: true }).optional(),
  password: password.optional(),
  role: drfChoice(ROLES).optional(),
  disabled: drfBool().optional(),
});
export const tokenRequestSchema = drfBody({
  email: drfString({ max: 254 }).transform((e) => e.toLowerCase()),
  password: z
    .string({ error: (i) => (i.input === undefined ? "This field is required." : "Not a valid string.") })
    .min(1, "This field may not be blank."),
  name: drfString({ max: 100 }).default("api token"),
  expires_in_days: drfInt({ min: 1, max: 3650 }).nullable().default(90),
});

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
