import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadListExport, type ExportFilter } from '../api/list-export';

/**
 * An "导出 Excel" button that downloads through `download`; when the server answers that a reason is needed (a large
 * export of personal data, audited: SPEC §8.3) it asks for one and tries again with it.
 */
export function ExportWithReason(props: {
  download: (reason?: string) => Promise<'ok' | 'reason'>;
  label: string;
  /** data-testid of the button; the reason box is `${reasonTestId}` and its OK button `${reasonTestId}-ok`. */
  testId: string;
  reasonTestId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (why?: string) => {
    setBusy(true);
    props
      .download(why)
      .then((out) => {
        setAsking(out === 'reason');
        if (out === 'ok') setReason('');
      })
      .catch((e: Error) => void message.error(t('listExport.failed', { message: e.message })))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={busy && !asking} onClick={() => run()} data-testid={props.testId}>
        {props.label}
      </Button>
      <Modal
        open={asking}
        title={t('listExport.reasonTitle')}
        onCancel={() => setAsking(false)}
        onOk={() => run(reason.trim())}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: busy, 'data-testid': `${props.reasonTestId}-ok` }}
        destroyOnHidden
      >
        <p>{t('listExport.reasonHint')}</p>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid={props.reasonTestId}
        />
      </Modal>
    </>
  );
}

/**
 * "导出 Excel" and "打印" for a list page (issue 7). The export sends the list's filter (asking for a reason when the
 * server needs one). Print uses the browser's print with the app's print stylesheet (menus, buttons, filters and
 * pagination hidden).
 */
export function ListExportButtons(props: { path: string; filter?: ExportFilter; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space className="no-print">
      <ExportWithReason
        download={(why) => downloadListExport(props.path, props.filter ?? {}, why)}
        label={t('listExport.excel')}
        testId={`${props.testId}-export`}
        reasonTestId="export-reason"
      />
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid={`${props.testId}-print`}>
        {t('listExport.print')}
      </Button>
    </Space>
  );
}
