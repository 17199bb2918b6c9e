import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadListExport, type ExportFilter } from '../api/list-export';

/**
 * "导出 Excel" and "打印" for a list page (issue 7). The export sends the list's filter; when the server answers that
 * a reason is needed (a large export of personal data, audited) it asks for one and tries again. Print uses the
 * browser's print with the app's print stylesheet (menus, buttons, filters and pagination hidden).
 */
export function ListExportButtons(props: { path: string; filter?: ExportFilter; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (why?: string) => {
    setBusy(true);
    downloadListExport(props.path, props.filter ?? {}, why)
      .then((out) => {
        setAsking(out === 'reason');
        if (out === 'ok') setReason('');
      })
      .catch((e: Error) => void message.error(t('listExport.failed', { message: e.message })))
      .finally(() => setBusy(false));
  };
  return (
    <Space className="no-print">
      <Button
        icon={<DownloadOutlined />}
        loading={busy && !asking}
        onClick={() => run()}
        data-testid={`${props.testId}-export`}
      >
        {t('listExport.excel')}
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid={`${props.testId}-print`}>
        {t('listExport.print')}
      </Button>
      <Modal
        open={asking}
        title={t('listExport.reasonTitle')}
        onCancel={() => setAsking(false)}
        onOk={() => run(reason.trim())}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: busy, 'data-testid': 'export-reason-ok' }}
        destroyOnHidden
      >
        <p>{t('listExport.reasonHint')}</p>
        <Input.TextArea
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="export-reason"
        />
      </Modal>
    </Space>
  );
}
