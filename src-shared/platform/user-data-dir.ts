// The per-user application-data folder of each OS, as a pure function of the platform's facts, so the till
// (ledger, device settings) and the cloud server (its development secret) place their folders by one rule.
export interface PlatformFacts {
  /** `process.platform`: 'win32', 'darwin', 'linux', … */
  platform: string;
  /** The user's home folder. */
  home: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** `%APPDATA%\<app>` on Windows, `~/Library/Application Support/<app>` on macOS, `$XDG_DATA_HOME/<app>` (default `~/.local/share/<app>`) elsewhere. */
export function userDataDir(facts: PlatformFacts, appName: string): string {
  const separator = facts.platform === 'win32' ? '\\' : '/';
  const join = (...parts: string[]) =>
    parts.map((part, i) => (i === 0 ? part.replace(/[\\/]+$/, '') : part)).join(separator);
  const set = (name: string) => facts.env[name]?.trim() || undefined;
  switch (facts.platform) {
    case 'win32':
      return join(set('APPDATA') ?? join(facts.home, 'AppData', 'Roaming'), appName);
    case 'darwin':
      return join(facts.home, 'Library', 'Application Support', appName);
    default:
      return join(set('XDG_DATA_HOME') ?? join(facts.home, '.local', 'share'), appName);
  }
}
