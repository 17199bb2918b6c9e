import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { ChangePasswordForm } from './ChangePasswordForm';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('auth.changeTitle')} />
      <Card>
        <ChangePasswordForm />
      </Card>
    </>
  );
}
