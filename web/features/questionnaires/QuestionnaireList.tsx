import { App, Button, Card, Input, List, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Questionnaire } from '../../../core/contracts/questionnaires';
import {
  useCopyPreset,
  useCreateBlank,
  useImportSurveyJs,
  usePresets,
  useQuestionnaires,
} from '../../api/questionnaires';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { useCan } from '../auth/session';
import { useLocalText } from './SurveyForm';

/** The dealer's questionnaires with their versions, and the presets a manager can copy. */
export function QuestionnaireList() {
  const { t } = useTranslation();
  const lt = useLocalText();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const canManage = useCan('questionnaires:manage');
  const list = useQuestionnaires();
  const presets = usePresets();
  const copy = useCopyPreset();
  const blank = useCreateBlank();
  const open = (versionId: string) => void navigate(`/questionnaires?version=${versionId}`);
  const columns: TableColumnsType<Questionnaire> = [
    { title: t('questionnaires.code'), dataIndex: 'code', key: 'code' },
    { title: t('questionnaires.name'), key: 'name', render: (_v, r) => lt(r.versions[r.versions.length - 1]?.name) },
    {
      title: t('questionnaires.version'),
      key: 'versions',
      render: (_v, r) => (
        <Space wrap>
          {r.versions.map((v) => (
            <Link key={v.id} to={`/questionnaires?version=${v.id}`} data-testid={`version-link-${v.status}`}>
              <Tag color={v.status === 'published' ? 'green' : v.status === 'draft' ? 'blue' : undefined}>
                v{v.versionNo} {t(`questionnaires.statuses.${v.status}`)}
              </Tag>
            </Link>
          ))}
        </Space>
      ),
    },
  ];
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('questionnaires.mine')}
        size="small"
        extra={
          canManage && (
            <Space>
              <Button
                size="small"
                type="primary"
                data-testid="questionnaire-create"
                loading={blank.isPending}
                onClick={() =>
                  blank.mutate(
                    { zh: t('questionnaires.blankName'), en: 'New questionnaire' },
                    { onSuccess: (r) => open(r.versionId), onError: notifyError },
                  )
                }
              >
                {t('questionnaires.create')}
              </Button>
              <ImportButton onDone={open} />
            </Space>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={list.isPending}
          columns={columns}
          dataSource={list.data?.items}
          pagination={false}
          data-testid="questionnaire-table"
        />
      </Card>
      <Card title={t('questionnaires.presets')} size="small">
        <List
          loading={presets.isPending}
          dataSource={presets.data?.items}
          renderItem={(p) => (
            <List.Item
              data-testid={`preset-${p.key}`}
              actions={
                canManage
                  ? [
                      <Button
                        key="copy"
                        size="small"
                        loading={copy.isPending && copy.variables === p.key}
                        data-testid={`preset-copy-${p.key}`}
                        onClick={() =>
                          copy.mutate(p.key, {
                            onSuccess: (r) => {
                              void message.success(t('questionnaires.copied'));
                              open(r.versionId);
                            },
                            onError: notifyError,
                          })
                        }
                      >
                        {t('questionnaires.copy')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={`${lt(p.name)} · ${t('questionnaires.questions', { count: p.questionCount })}`}
                description={
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                    {lt(p.description)}
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function ImportButton({ onDone }: { onDone: (versionId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [text, setText] = useState<string | null>(null);
  const importer = useImportSurveyJs();
  const submit = () => {
    let survey: unknown;
    try {
      survey = JSON.parse(text ?? '');
    } catch (e) {
      return notifyError(e);
    }
    importer.mutate(survey as Record<string, unknown>, {
      onSuccess: (r) => {
        void message.info(t('questionnaires.importDone', { count: r.unsupported.length }));
        setText(null);
        onDone(r.versionId);
      },
      onError: notifyError,
    });
  };
  return (
    <>
      <Button size="small" onClick={() => setText('')}>
        {t('questionnaires.import')}
      </Button>
      <Modal
        open={text !== null}
        title={t('questionnaires.import')}
        onCancel={() => setText(null)}
        onOk={submit}
        confirmLoading={importer.isPending}
      >
        <Input.TextArea
          rows={12}
          placeholder={t('questionnaires.importHint')}
          value={text ?? ''}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </>
  );
}
