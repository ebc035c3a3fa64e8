// The X report (the open session so far) and the Z report (a closed session, frozen at close) as a paper
// preview in the receipt's style: sales, tax by band, payment methods, refunds and voids, the drawer, and for
// a Z the count and its variance in words.
import { useTranslation } from 'react-i18next';
import type { XReport, ZReport } from '../../../src-shared/contract/report.js';
import { KES_DENOMINATIONS } from '../../../src-shared/domain/cash-session.js';
import { formatMoney } from '../../format/money.js';
import { localDateTime } from '../shared/local-time.js';
import { varianceWords } from './denomination-count.js';

function Row(props: { label: string; value: string; testId?: string; className?: string }) {
  return (
    <div className={props.className}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

function denominationLabel(value: number): string {
  return KES_DENOMINATIONS.find((d) => d.value === value)?.label ?? formatMoney(value);
}

export function ReportView({ report }: { report: XReport | ZReport }) {
  const { t } = useTranslation();
  const m = (minor: number) => formatMoney(minor);
  const title = report.kind === 'Z' ? t('report.zTitle', { label: report.zLabel }) : t('report.xTitle');
  return (
    <article className="receipt report" aria-label={title} data-testid={`report-${report.kind}`}>
      <header className="receipt-header">
        <p className="receipt-store">{title}</p>
        <p>{report.kind === 'X' ? t('report.xNote') : t('report.zNote')}</p>
      </header>
      <dl className="receipt-meta">
        <Row label={t('report.terminal')} value={report.terminalCode} />
        <Row label={t('report.businessDate')} value={report.businessDate} />
        <Row
          label={t('report.openedBy')}
          value={`${report.openedBy.name} · ${localDateTime(report.openedAt)}`}
        />
        {report.kind === 'Z' ? (
          <Row
            label={t('report.closedBy')}
            value={`${report.closedBy.name} · ${localDateTime(report.closedAt)}`}
          />
        ) : (
          <Row label={t('report.generatedAt')} value={localDateTime(report.generatedAt)} />
        )}
      </dl>
      <h3 className="report-heading">{t('report.sales')}</h3>
      <dl className="receipt-totals">
        <Row label={t('report.salesCount')} value={String(report.sales.count)} />
        <Row label={t('report.subtotal')} value={m(report.sales.subtotal)} />
        <Row label={t('report.discounts')} value={m(-report.sales.discounts)} />
        {report.sales.rounding !== 0 && <Row label={t('report.rounding')} value={m(report.sales.rounding)} />}
        <Row label={t('report.salesTotal')} value={m(report.sales.total)} />
        <Row label={t('report.voids', { count: report.voids.count })} value={m(-report.voids.total)} />
        <Row label={t('report.refunds', { count: report.refunds.count })} value={m(-report.refunds.total)} />
        <Row
          className="receipt-total"
          label={t('report.netSales')}
          value={m(report.netSales)}
          testId="report-net-sales"
        />
      </dl>
      {report.taxBreakdown.length > 0 && (
        <>
          <h3 className="report-heading">{t('report.taxes')}</h3>
          <dl className="receipt-totals">
            {report.taxBreakdown.map((row) => (
              <Row
                key={row.taxClass}
                label={`${row.band} ${row.label}`}
                value={t('report.taxRow', { gross: m(row.gross), tax: m(row.tax) })}
              />
            ))}
          </dl>
        </>
      )}
      {report.tenders.length > 0 && (
        <>
          <h3 className="report-heading">{t('report.payments')}</h3>
          <dl className="receipt-totals">
            {report.tenders.map((tender) => (
              <Row key={tender.method} label={t(`tender.methods.${tender.method}`)} value={m(tender.net)} />
            ))}
          </dl>
        </>
      )}
      <h3 className="report-heading">{t('report.drawer')}</h3>
      <dl className="receipt-totals">
        <Row label={t('report.openingFloat')} value={m(report.drawer.openingFloat)} />
        <Row label={t('report.cashSales')} value={m(report.drawer.cashSales)} />
        {report.drawer.cashVoids !== 0 && (
          <Row label={t('report.cashVoids')} value={m(-report.drawer.cashVoids)} />
        )}
        <Row label={t('report.cashRefunds')} value={m(-report.drawer.cashRefunds)} />
        <Row
          label={t('report.paidIn', { count: report.drawer.paidInCount })}
          value={m(report.drawer.paidIn)}
        />
        <Row
          label={t('report.paidOut', { count: report.drawer.paidOutCount })}
          value={m(-report.drawer.paidOut)}
        />
        <Row
          className="receipt-total"
          label={t('report.expected')}
          value={m(report.drawer.expected)}
          testId="report-expected"
        />
      </dl>
      {report.kind === 'Z' && (
        <>
          {report.denominations && report.denominations.length > 0 && (
            <>
              <h3 className="report-heading">{t('report.count')}</h3>
              <dl className="receipt-totals">
                {report.denominations.map((d) => (
                  <Row
                    key={d.value}
                    label={`${denominationLabel(d.value)} × ${String(d.count)}`}
                    value={m(d.value * d.count)}
                  />
                ))}
              </dl>
            </>
          )}
          <dl className="receipt-totals">
            <Row label={t('report.counted')} value={m(report.counted)} testId="report-counted" />
            <Row
              className="receipt-total"
              label={t('report.variance')}
              value={t(varianceWords(report.variance).key, {
                amount: m(varianceWords(report.variance).amount),
              })}
              testId="report-variance"
            />
            {report.blind && <Row label={t('report.blind')} value={t('report.yes')} />}
          </dl>
        </>
      )}
    </article>
  );
}
