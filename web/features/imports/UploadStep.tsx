import { InboxOutlined } from '@ant-design/icons';
import { Alert, Flex, Radio, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS } from '../../../core/rules/dms-fields';
import { useUploadImport, type ImportKindValue, type UploadResultData } from '../../api/imports';
import { uploadErrorText } from './import-errors';

/** Step 1: what the file holds, and the file (uploaded at once; the server answers with a preview). */
export function UploadStep({ onUploaded }: { onUploaded: (result: UploadResultData) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKindValue>('repair-orders');
  const upload = useUploadImport();

  const send = (file: File) => {
    upload.mutate({ kind, file }, { onSuccess: onUploaded });
  };

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text strong>{t('imports.kind')}</Typography.Text>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKindValue)}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
          data-testid="import-kind"
        />
      </Flex>
      {upload.isError && (
        <Alert
          type="error"
          showIcon
          title={t('imports.fileRejected')}
          description={uploadErrorText(t, upload.error)}
          data-testid="import-error"
        />
      )}
      <Spin spinning={upload.isPending} description={t('imports.uploading')}>
        <Upload.Dragger
          accept=".xlsx,.xls,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.dropHint')}</p>
          <p className="ant-upload-hint">{t('imports.dropFormats')}</p>
        </Upload.Dragger>
      </Spin>
    </Flex>
  );
}
