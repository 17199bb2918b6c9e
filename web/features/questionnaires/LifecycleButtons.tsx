import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Version } from '../../../core/contracts/questionnaires';
import { exportSurveyJs, useNewVersion, useTransition } from '../../api/questionnaires';
import { useNotifyError } from '../../ui/use-notify-error';
import { useCan } from '../auth/session';

/** Approve / publish / retire / new version / export, each shown only to roles that may use it. */
export function LifecycleButtons({ version }: { version: Version }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const canManage = useCan('questionnaires:manage');
  const canApprove = useCan('questionnaires:approve');
  const step = useTransition(version.id);
  const revise = useNewVersion();
  const run = (s: 'approve' | 'publish' | 'retire', done: string) =>
    step.mutate(s, { onSuccess: () => void message.success(done), onError: notifyError });
  const download = async () => {
    const json = await exportSurveyJs(version.id);
    const url = URL.createObjectURL(new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), {
      href: url,
      download: `${version.templateCode}-v${version.versionNo}.json`,
    });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      {canApprove && version.status === 'draft' && (
        <Popconfirm title={t('questionnaires.approve')} onConfirm={() => run('approve', t('questionnaires.approved'))}>
          <Button data-testid="builder-approve">{t('questionnaires.approve')}</Button>
        </Popconfirm>
      )}
      {canManage && version.status === 'approved' && (
        <Button
          type="primary"
          data-testid="builder-publish"
          onClick={() => run('publish', t('questionnaires.published'))}
        >
          {t('questionnaires.publish')}
        </Button>
      )}
      {canManage && (version.status === 'approved' || version.status === 'published') && (
        <Popconfirm title={t('questionnaires.retire')} onConfirm={() => run('retire', t('questionnaires.retire'))}>
          <Button danger data-testid="builder-retire">
            {t('questionnaires.retire')}
          </Button>
        </Popconfirm>
      )}
      {canManage && version.status !== 'draft' && (
        <Button
          data-testid="builder-new-version"
          onClick={() =>
            revise.mutate(version.templateId, {
              onSuccess: (v) => void navigate(`/questionnaires?version=${v.id}`),
              onError: notifyError,
            })
          }
        >
          {t('questionnaires.newVersion')}
        </Button>
      )}
      <Button onClick={() => void download().catch(notifyError)}>{t('questionnaires.export')}</Button>
    </>
  );
}
