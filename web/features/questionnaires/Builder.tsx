import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, Issue, Question, Version, VersionContent } from '../../../core/contracts/questionnaires';
import { validateContent } from '../../../core/rules/questionnaire-validate';
import { useSaveDraft } from '../../api/questionnaires';
import { useNotifyError } from '../../ui/use-notify-error';
import { LifecycleButtons } from './LifecycleButtons';
import { Preview } from './Preview';
import { newQuestion } from './question-defaults';
import { QuestionEditor } from './QuestionEditor';
import { useLocalText } from './SurveyForm';

/** The builder: edit a draft's questions and factor weights, with a live preview beside it. */
export function Builder({ version }: { version: Version }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lt = useLocalText();
  const notifyError = useNotifyError();
  const [content, setContent] = useState<VersionContent>(version.content);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const save = useSaveDraft(version.id);
  const readOnly = version.status !== 'draft';
  const issues: Issue[] = readOnly ? version.issues : validateContent(content);
  const setQuestions = (questions: Question[]) => setContent({ ...content, questions });
  const move = (i: number, delta: -1 | 1) => {
    const qs = [...content.questions];
    const j = i + delta;
    if (j < 0 || j >= qs.length) return;
    [qs[i], qs[j]] = [qs[j]!, qs[i]!];
    setQuestions(qs);
  };
  const errors = issues.filter((i) => i.level === 'error').length;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Typography.Text strong>{lt(content.name)}</Typography.Text>
            <Tag data-testid="version-status">{t(`questionnaires.statuses.${version.status}`)}</Tag>
            <Typography.Text type="secondary">v{version.versionNo}</Typography.Text>
            {version.approvedByName && (
              <Typography.Text type="secondary" data-testid="approved-by">
                {t('questionnaires.approvedBy', { name: version.approvedByName, at: version.approvedAt?.slice(0, 10) })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {!readOnly && (
              <Button
                type="primary"
                loading={save.isPending}
                data-testid="builder-save"
                onClick={() =>
                  save.mutate(content, {
                    onSuccess: () => void message.success(t('questionnaires.saved')),
                    onError: notifyError,
                  })
                }
              >
                {t('questionnaires.save')}
              </Button>
            )}
            <LifecycleButtons version={version} />
          </Space>
        </Flex>
        {readOnly && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('questionnaires.readOnly', { status: t(`questionnaires.statuses.${version.status}`) })}
          />
        )}
        {errors > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="builder-issues"
            message={t('questionnaires.issues', { count: errors })}
          />
        )}
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Input
            addonBefore={t('questionnaires.nameZh')}
            disabled={readOnly}
            value={content.name.zh}
            data-testid="builder-name-zh"
            onChange={(e) => setContent({ ...content, name: { ...content.name, zh: e.target.value } })}
          />
          <Input
            addonBefore={t('questionnaires.nameEn')}
            disabled={readOnly}
            value={content.name.en}
            onChange={(e) => setContent({ ...content, name: { ...content.name, en: e.target.value } })}
          />
        </Flex>
        {content.factors.length > 0 && (
          <Card size="small" title={t('questionnaires.factors')} style={{ marginBottom: 12 }}>
            <Flex wrap gap={12}>
              {content.factors.map((f, i) => (
                <Space key={f.code}>
                  {lt(f.name)}
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    disabled={readOnly}
                    value={f.weight}
                    onChange={(w) =>
                      setContent({
                        ...content,
                        factors: content.factors.map((x, j) => (j === i ? { ...x, weight: w ?? 0 } : x)),
                      })
                    }
                  />
                </Space>
              ))}
            </Flex>
          </Card>
        )}
        <Flex vertical gap={12}>
          {content.questions.map((q, i) => (
            <QuestionEditor
              key={i}
              q={q}
              index={i}
              earlier={content.questions.slice(0, i)}
              factors={content.factors}
              issues={issues}
              readOnly={readOnly}
              onChange={(nq) => setQuestions(content.questions.map((x, j) => (j === i ? nq : x)))}
              onMove={(d) => move(i, d)}
              onRemove={() => setQuestions(content.questions.filter((_x, j) => j !== i))}
            />
          ))}
        </Flex>
        {!readOnly && (
          <Button
            icon={<PlusOutlined />}
            style={{ marginTop: 12 }}
            data-testid="builder-add"
            onClick={() => setQuestions([...content.questions, newQuestion(content.questions)])}
          >
            {t('questionnaires.addQuestion')}
          </Button>
        )}
      </Col>
      <Col xs={24} lg={10}>
        <Preview content={content} answers={answers} onChange={setAnswers} />
      </Col>
    </Row>
  );
}
