import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImportFaq } from '../../api/faq';
import { useNotifyError } from '../../ui/use-notify-error';

/** Adds articles from an Excel sheet (问题, 答案, 分类, 标签, 来源, 版本, 生效日期); refused rows are listed. */
export function ImportButton() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const importFaq = useImportFaq();
  const notifyError = useNotifyError();
  const send = (file: File) => {
    importFaq.mutate(file, {
      onSuccess: (r) =>
        notification.info({
          title: t('faq.importDone', { created: r.created }),
          description: r.rejected
            .slice(0, 10)
            .map((x) => t('faq.importRejected', x))
            .join('\n'),
          style: { whiteSpace: 'pre-line' },
        }),
      onError: notifyError,
    });
    return false;
  };
  return (
    <Tooltip title={t('faq.importHint')}>
      <Upload accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={send}>
        <Button icon={<UploadOutlined />} loading={importFaq.isPending}>
          {t('faq.import')}
        </Button>
      </Upload>
    </Tooltip>
  );
}
