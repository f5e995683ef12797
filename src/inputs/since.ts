import { quote, type Reader } from './readers.js'

// Date, `T` (or a space), hours and minutes, optional seconds and fraction, then the zone.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/

/** An ISO 8601 timestamp with a zone, returned in UTC with `Z` (what Avido's date filters require). */
export const since: Reader<string> = (text, fail) => {
  const match = TIMESTAMP.exec(text)
  if (!match) {
    fail(`${quote(text)} is not an ISO 8601 timestamp such as 2025-01-31T08:00:00Z`)
    return ''
  }
  const [
    ,
    year,
    month,
    day,
    hour,
    minute,
    second = '00',
    fraction = '',
    utc,
    sign,
    offsetHours,
    offsetMinutes
  ] = match
  if (!utc && !sign) {
    fail(`${quote(text)} has no time zone; add Z for UTC or an offset such as +02:00`)
    return ''
  }
  const offset = utc ? 'Z' : `${sign}${offsetHours}:${offsetMinutes}`
  const millis = fraction.padEnd(3, '0').slice(0, 3)
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`
  const time = Date.parse(iso)
  // Date.parse rolls some impossible dates over (Feb 30th); reading the fields back catches them.
  const offsetMs = utc
    ? 0
    : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000
  const local = Number.isNaN(time) ? '' : new Date(time + offsetMs).toISOString()
  if (
    local.slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second}` ||
    Number(offsetHours ?? 0) > 23
  ) {
    fail(`${quote(text)} is not a valid date and time`)
    return ''
  }
  return new Date(time).toISOString()
}
