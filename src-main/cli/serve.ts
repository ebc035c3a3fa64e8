// npm run serve — the browser-mode till: the till core under plain Node, the till screen and the till API on
// http://127.0.0.1:<TILL_PORT>, protected by a per-launch token (see browser-till.ts for the settings).
import { runBrowserTill, runMain } from './browser-till.js';

runMain('serve', () => runBrowserTill({ program: 'serve' }));
