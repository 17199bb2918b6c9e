import { Card, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useImportRun, type UploadResultData } from '../../api/imports';
import { PageTitle } from '../../ui/PageTitle';
import { MappingStep } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { RecentImports } from './RecentImports';
import { UploadStep } from './UploadStep';

/**
 * 数据导入: choose the kind and the file → check the column mapping → watch the import run.
 * The run being watched is in the address (?run=…), so a reload keeps showing it.
 */
export default function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [upload, setUpload] = useState<UploadResultData | null>(null);
  const runId = params.get('run');

  const openRun = (id: string) => {
    setUpload(null);
    setParams({ run: id });
  };
  const restart = () => {
    setUpload(null);
    setParams({});
  };
  // The same query ProgressStep polls (shared cache): the last step shows done or failed.
  const runStatus = useImportRun(runId, false).data?.status;
  const current = runId ? 2 : upload ? 1 : 0;
  const stepStatus =
    runStatus === 'completed' ? 'finish' : runStatus === 'failed' || runStatus === 'interrupted' ? 'error' : 'process';

  return (
    <>
      <PageTitle title={t('imports.title')} />
      <Card>
        <Steps
          current={current}
          status={stepStatus}
          items={[
            { title: t('imports.steps.upload') },
            { title: t('imports.steps.mapping') },
            { title: t('imports.steps.progress') },
          ]}
          style={{ marginBottom: 24 }}
        />
        {runId ? (
          <ProgressStep key={runId} runId={runId} onAnother={restart} />
        ) : upload ? (
          <MappingStep key={upload.run.id} upload={upload} onBack={restart} onStarted={openRun} />
        ) : (
          <UploadStep onUploaded={setUpload} />
        )}
      </Card>
      <RecentImports onOpen={openRun} />
    </>
  );
}
