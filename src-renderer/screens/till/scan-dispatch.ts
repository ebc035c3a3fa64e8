// One entry point for every scan: a keyboard-wedge burst in the scan field and a hardware scanner's
// `scanner.scan` till event both end here, and the till screen (while mounted) handles them the same way.
type ScanHandler = (code: string) => void;

let handler: ScanHandler | null = null;

export function setScanHandler(next: ScanHandler | null): void {
  handler = next;
}

/** Returns false when no screen takes scans right now (nobody logged in, another screen open). */
export function dispatchScan(code: string): boolean {
  const trimmed = code.trim();
  if (!handler || trimmed === '') return false;
  handler(trimmed);
  return true;
}
