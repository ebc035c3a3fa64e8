// The message line under the top bar: errors in plain words (role="alert"), other notices as status.
import { useTranslation } from 'react-i18next';
import { useNoticeStore } from '../state/notice-store.js';

export function NoticeLine() {
  const { t } = useTranslation();
  const notice = useNoticeStore((s) => s.notice);
  const clear = useNoticeStore((s) => s.clear);
  return (
    <div className="notice-area">
      {notice && (
        <div
          key={notice.seq}
          className={`notice notice-${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-code={notice.code ?? undefined}
        >
          <div className="notice-text">
            <p>{notice.text}</p>
            {notice.details.length > 0 && (
              <ul>
                {notice.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="button button-small" onClick={clear}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
