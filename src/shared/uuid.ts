// The one UUID rule of the gate: the form the Avido API documents for its id parameters (versions 1–8 with the
// RFC 9562 variant, plus the nil and max UUIDs), in either letter case.

export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/

export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text)
}
