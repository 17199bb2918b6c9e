import { App, AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FAQ_SOURCES } from '../../../core/contracts/faq';
import { ApiError } from '../../api/client';
import { useCreateFaq, useFaqFacets, useUpdateFaq, type FaqDetail, type FaqInput } from '../../api/faq';
import { errorText, fieldErrorsFrom } from '../../ui/api-error';
import { sourceOptions } from './faq-labels';

const FIELDS = [
  'question',
  'answer',
  'category',
  'tags',
  'sourceCode',
  'sourceVersion',
  'validFrom',
  'validTo',
] as const;

interface Values {
  question: string;
  answer: string;
  category: string;
  tags: string[];
  sourceCode: string;
  sourceVersion: string;
  validFrom: string;
  validTo?: string;
}

const today = () => new Date().toLocaleDateString('en-CA');

function initial(a: FaqDetail | null): Values {
  if (!a)
    return {
      question: '',
      answer: '',
      category: '',
      tags: [],
      sourceCode: FAQ_SOURCES[0].code,
      sourceVersion: '',
      validFrom: today(),
    };
  return { ...a, validTo: a.validTo ?? undefined };
}

/** New article, or an edit of `article` (based on its revision: a concurrent edit is refused). */
export function ArticleEditor({ article, onClose }: { article: FaqDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateFaq();
  const update = useUpdateFaq();
  const facets = useFaqFacets();
  const required = [{ required: true, whitespace: true, message: t('faq.required') }];

  const submit = (v: Values) => {
    const input: FaqInput = { ...v, validTo: v.validTo || null };
    const done = {
      onSuccess: () => {
        void message.success(t('faq.saved'));
        onClose();
      },
      onError: (error: Error) => {
        if (error instanceof ApiError && error.code === 'CONFLICT') return void message.error(t('faq.conflict'));
        const fields = fieldErrorsFrom(error, FIELDS);
        if (fields.length > 0) form.setFields(fields);
        else void message.error(errorText(t, error));
      },
    };
    if (article) update.mutate({ articleId: article.id, input: { ...input, revision: article.revision } }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal
      open
      width={720}
      title={article ? t('faq.edit') : t('faq.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'faq-editor-save' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial(article)} data-testid="faq-editor">
        <Form.Item name="question" label={t('faq.question')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} data-testid="faq-editor-question" />
        </Form.Item>
        <Form.Item name="answer" label={t('faq.answer')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="category" label={t('faq.category')} rules={required}>
          <AutoComplete
            maxLength={60}
            options={(facets.data?.categories ?? []).map((c) => ({ value: c.category }))}
            filterOption
          />
        </Form.Item>
        <Form.Item name="tags" label={t('faq.tags')} extra={t('faq.tagsHint')}>
          <Select mode="tags" maxCount={20} options={(facets.data?.tags ?? []).map((x) => ({ value: x.tag }))} />
        </Form.Item>
        <Form.Item name="sourceCode" label={t('faq.source')} rules={required}>
          <Select options={sourceOptions(t)} />
        </Form.Item>
        <Form.Item name="sourceVersion" label={t('faq.sourceVersion')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('faq.validFrom')} rules={required}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="validTo" label={t('faq.validTo')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
