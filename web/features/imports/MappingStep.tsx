import { Alert, Button, Checkbox, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartImport, type ImportMapping, type UploadResultData } from '../../api/imports';
import { errorText } from '../../ui/api-error';
import { fieldLabel } from './field-label';
import { mappingProblemsOf } from './import-errors';
import { completeMapping, findMappingProblems, hasProblems, samplesOf } from './mapping-problems';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';

interface Props {
  upload: UploadResultData;
  onBack: () => void;
  onStarted: (runId: string) => void;
}

/** Step 2: check (and fix by hand) which field each column of the file maps to, then start. */
export function MappingStep({ upload, onBack, onStarted }: Props) {
  const { t } = useTranslation();
  const { run, preview, fields } = upload;
  const headers = preview.headers;
  const [mapping, setMapping] = useState<ImportMapping>(() => completeMapping(headers, upload.suggestedMapping));
  const [saveMapping, setSaveMapping] = useState(true);
  const start = useStartImport();

  const unmatched = useMemo(
    () => new Set(headers.filter((h) => !upload.suggestedMapping[h])),
    [headers, upload.suggestedMapping],
  );
  const samples = useMemo(() => headers.map((_h, i) => samplesOf(preview.rows, i)), [headers, preview.rows]);
  const problems = findMappingProblems(run.kind, headers, mapping, fields);
  const serverProblems = mappingProblemsOf(start.error);

  const submit = () =>
    start.mutate({ id: run.id, mapping, saveMapping }, { onSuccess: (started) => onStarted(started.id) });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text>
          <Typography.Text type="secondary">{t('imports.mapping.file')}</Typography.Text>{' '}
          <Typography.Text strong>{run.fileName}</Typography.Text>
          {run.totalRows !== null && ` · ${t('imports.mapping.rows', { count: run.totalRows })}`}
        </Typography.Text>
        <Typography.Text type="secondary">
          {upload.mappingSource === 'saved' ? t('imports.mapping.sourceSaved') : t('imports.mapping.sourcePresets')}
        </Typography.Text>
      </Flex>
      {problems.missingRequired.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.mapping.missingRequired', {
            fields: problems.missingRequired.map((f) => fieldLabel(t, f)).join(t('imports.mapping.separator')),
          })}
          data-testid="mapping-missing"
        />
      )}
      {problems.missingOneOf.map((group) => (
        <Alert
          key={group.join()}
          type="warning"
          showIcon
          title={t('imports.mapping.missingOneOf', { fields: group.map((f) => fieldLabel(t, f)).join(' / ') })}
          data-testid="mapping-missing-one-of"
        />
      ))}
      <MappingTable
        headers={headers}
        samples={samples}
        fields={fields}
        mapping={mapping}
        unmatched={unmatched}
        problems={problems}
        onChange={(header, field) => setMapping((m) => ({ ...m, [header]: field }))}
      />
      {start.isError && (
        <Alert
          type="error"
          showIcon
          title={serverProblems.length ? t('imports.mapping.serverProblems') : errorText(t, start.error)}
          description={
            serverProblems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {serverProblems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )
          }
          data-testid="mapping-server-problems"
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Checkbox checked={saveMapping} onChange={(e) => setSaveMapping(e.target.checked)} data-testid="mapping-save">
          {t('imports.mapping.saveMapping')}
        </Checkbox>
        <Flex gap={8}>
          <Button onClick={onBack}>{t('imports.mapping.back')}</Button>
          <Button
            type="primary"
            onClick={submit}
            loading={start.isPending}
            disabled={hasProblems(problems)}
            data-testid="import-start"
          >
            {t('imports.mapping.start')}
          </Button>
        </Flex>
      </Flex>
      <PreviewTable headers={headers} rows={preview.rows} />
    </Flex>
  );
}
