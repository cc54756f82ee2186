/**
 * Who is making a request. Until accounts exist every caller is Kallisti's anonymous user;
 * routes already ask here so that the change lands in one place.
 */
export const ANONYMOUS = "anonymous_user";

export function actorOf(_req: Request): string {
  return ANONYMOUS;
}
