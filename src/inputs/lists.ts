/** Splits a list input on commas and newlines; trims items, drops empty ones and repeats (first kept). */
export function splitList(
  text: string | undefined,
  normalise: (item: string) => string = item => item
): string[] {
  if (!text) return []
  const seen = new Set<string>()
  for (const part of text.split(/[,\r\n]+/)) {
    const item = part.trim()
    if (item) seen.add(normalise(item))
  }
  return [...seen]
}
