import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useVersion } from '../../api/questionnaires';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { Builder } from './Builder';
import { QuestionnaireList } from './QuestionnaireList';

/** /questionnaires lists questionnaires and presets; /questionnaires?version=<id> opens the builder. */
export default function QuestionnairesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const versionId = params.get('version');
  return (
    <>
      <PageTitle
        title={t('questionnaires.title')}
        extra={
          versionId && (
            <Link to="/questionnaires">
              <Button icon={<ArrowLeftOutlined />}>{t('questionnaires.back')}</Button>
            </Link>
          )
        }
      />
      {versionId ? <VersionBuilder id={versionId} /> : <QuestionnaireList />}
    </>
  );
}

function VersionBuilder({ id }: { id: string }) {
  const version = useVersion(id);
  if (version.isPending) return <Spin />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  return <Builder key={`${version.data.id}-${version.data.status}`} version={version.data} />;
}
