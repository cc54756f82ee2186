import { drfDict } from "@/lib/api/drf";
import { config } from "@/lib/config";

/**
 * A ticket links a trial to a change record: `{}` or exactly `{"type", "number"}`. Kallisti
 * answered 500 for every non-empty ticket and never checked schedule tickets (which then broke
 * the scheduler); here both are checked on write with a 400 that says what is expected.
 */
export const ticketSchema = drfDict().superRefine((ticket, ctx) => {
  const keys = Object.keys(ticket);
  if (keys.length === 0) return;
  const isScalar = (v: unknown) => typeof v === "string" || typeof v === "number";
  if (keys.length !== 2 || !isScalar(ticket.type) || !isScalar(ticket.number)) {
    ctx.addIssue({ code: "custom", message: 'A ticket must be empty or exactly {"type": "...", "number": "..."}.' });
    return;
  }
  const allowed = config().allowedTicketTypes;
  if (allowed.length && !allowed.includes(String(ticket.type))) {
    ctx.addIssue({
      code: "custom",
      message: `"${String(ticket.type)}" is not an allowed ticket type (allowed: ${allowed.join(", ")}).`,
    });
  }
});
