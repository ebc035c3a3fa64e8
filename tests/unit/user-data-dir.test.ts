import { describe, expect, it } from 'vitest';
import { userDataDir } from '../../src-shared/platform/user-data-dir.js';

describe("userDataDir: where each OS keeps a user's application data", () => {
  it('Linux: $XDG_DATA_HOME/<app>, else ~/.local/share/<app>', () => {
    expect(userDataDir({ platform: 'linux', home: '/home/amina', env: {} }, 'AsiriaPOS')).toBe(
      '/home/amina/.local/share/AsiriaPOS',
    );
    expect(
      userDataDir(
        { platform: 'linux', home: '/home/amina', env: { XDG_DATA_HOME: '/data/xdg/' } },
        'AsiriaPOS',
      ),
    ).toBe('/data/xdg/AsiriaPOS');
    expect(userDataDir({ platform: 'linux', home: '/home/amina', env: { XDG_DATA_HOME: ' ' } }, 'X')).toBe(
      '/home/amina/.local/share/X',
    );
  });

  it('Windows: %APPDATA%\\<app>, else <home>\\AppData\\Roaming\\<app>', () => {
    expect(
      userDataDir(
        { platform: 'win32', home: 'C:\\Users\\amina', env: { APPDATA: 'D:\\Roaming' } },
        'AsiriaPOS-server',
      ),
    ).toBe('D:\\Roaming\\AsiriaPOS-server');
    expect(userDataDir({ platform: 'win32', home: 'C:\\Users\\amina', env: {} }, 'AsiriaPOS')).toBe(
      'C:\\Users\\amina\\AppData\\Roaming\\AsiriaPOS',
    );
  });

  it('macOS: ~/Library/Application Support/<app>', () => {
    expect(userDataDir({ platform: 'darwin', home: '/Users/amina', env: {} }, 'AsiriaPOS')).toBe(
      '/Users/amina/Library/Application Support/AsiriaPOS',
    );
  });
});
