// Instants (ISO-8601 UTC from the till) as the till's local date and time, for the back-office screens.

/** "25/11/2026, 08:05" in the till's time zone; the input unchanged if it is not a date. */
export function localDateTime(iso: string | null): string {
  if (iso === null) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short', hour12: false });
}
