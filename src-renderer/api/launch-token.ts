// Browser mode's per-launch token: the page is opened at /?token=<T>. Read it once, keep it for this tab
// in sessionStorage (a reload still works), and take it out of the address bar so it is not bookmarked,
// shared or shown. Returns null when there is none (the page was opened without the printed link).
export const TOKEN_STORAGE_KEY = 'asiria.tillToken';

export interface TokenEnvironment {
  location: Pick<Location, 'href'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function takeLaunchToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY);
}
