// An X or Z report shown as a printable preview: Print (the browser's print of the paper), Back.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { XReport, ZReport } from '../../../src-shared/contract/report.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { PrintablePreview } from '../shared/PrintablePreview.js';
import { ReportView } from './ReportView.js';

export function ReportScreenPart(props: {
  report: XReport | ZReport;
  heading: ReactNode;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const print = () => {
    window.print();
  };
  const shortcuts: Shortcut[] = [
    { key: 'F2', labelKey: 'report.print', run: print },
    { key: 'F9', labelKey: 'session.actions.back', run: props.onBack },
    { key: 'Escape', labelKey: 'session.actions.back', run: props.onBack, hidden: true },
  ];
  useShortcuts(shortcuts);
  const title =
    props.report.kind === 'Z' ? t('report.zTitle', { label: props.report.zLabel }) : t('report.xTitle');
  return (
    <PrintablePreview
      titleId="report-title"
      actions={
        <>
          <h1 id="report-title">{props.heading ? t('session.closed.title') : title}</h1>
          {props.heading}
          <div className="form-actions">
            <button type="button" className="button" onClick={print} aria-keyshortcuts="F2">
              {t('report.print')}
            </button>
            <button type="button" className="button button-primary" onClick={props.onBack} autoFocus>
              {t('session.actions.back')}
            </button>
          </div>
        </>
      }
    >
      <ReportView report={props.report} />
    </PrintablePreview>
  );
}
