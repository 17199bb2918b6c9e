import { App, Button, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { reportExportUrl, reportPrintUrl, useAnnotateReport, useReport, useSubmitReport } from '../../api/reports';
import { PageTitle } from '../../ui/PageTitle';
import { useCan } from '../auth/session';
import { CapaPanel } from './CapaPanel';

/** Downloads through fetch so a 422 (reason required) can ask for the reason instead of saving an error page. */
async function download(url: string): Promise<'ok' | 'reason'> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (res.status === 422) return 'reason';
  if (!res.ok) throw new Error(`export failed: ${res.status}`);
  const name = decodeURIComponent(
    /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report.xlsx',
  );
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
  return 'ok';
}

/** One report: the paper-form view (the printable page), the team lead's notes, submit, print and export. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useReport(id);
  const annotate = useAnnotateReport(id);
  const submit = useSubmitReport(id);
  const canAnnotate = useCan('reports:annotate');
  const [edited, setNotes] = useState<string | null>(null);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState('');
  const r = report.data;
  if (!r) return null;
  const draft = r.status === 'draft';
  const notes = edited ?? r.annotations;
  const exportNow = (why?: string) =>
    download(reportExportUrl(id, why))
      .then((out) => setAskReason(out === 'reason'))
      .catch((e: Error) => message.error(e.message));
  return (
    <>
      <PageTitle
        title={`${r.title}（${r.period}）`}
        extra={
          <Space>
            <Tag color={draft ? 'blue' : 'green'}>{t(`reports.${r.status}`)}</Tag>
            {r.overdue && <Tag color="red">{t('reports.overdue')}</Tag>}
            <Button href={reportPrintUrl(id)} target="_blank">
              {t('reports.print')}
            </Button>
            <Button data-testid="report-export" onClick={() => exportNow()}>
              {t('reports.export')}
            </Button>
          </Space>
        }
      />
      <iframe
        title={r.title}
        src={reportPrintUrl(id)}
        style={{ width: '100%', height: 600, border: '1px solid #ddd' }}
      />
      <h4>{t('reports.annotations')}</h4>
      <Input.TextArea
        rows={4}
        value={notes}
        disabled={!draft || !canAnnotate}
        onChange={(e) => setNotes(e.target.value)}
      />
      {draft && canAnnotate && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => annotate.mutate(notes)} loading={annotate.isPending}>
            {t('reports.save')}
          </Button>
          <Button type="primary" onClick={() => submit.mutate(undefined)} loading={submit.isPending}>
            {t('reports.submit')}
          </Button>
        </Space>
      )}
      {r.kind.startsWith('monthly') && <CapaPanel reportId={id} />}
      <Modal
        open={askReason}
        title={t('reports.reasonTitle')}
        onCancel={() => setAskReason(false)}
        onOk={() => exportNow(reason)}
        okButtonProps={{ disabled: reason.trim().length < 2 }}
      >
        <p>{t('reports.reasonHint')}</p>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
