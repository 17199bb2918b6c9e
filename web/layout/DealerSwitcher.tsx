import { App, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSwitchDealer } from '../api/auth';
import { useSession } from '../features/auth/session';
import { useNotifyError } from '../ui/use-notify-error';

/** Only for users who may work for more than one dealer. */
export function DealerSwitcher() {
  const me = useSession();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const switchDealer = useSwitchDealer();
  if (me.dealers.length <= 1) return null;

  const onChange = (dealerId: string) => {
    switchDealer.mutate(dealerId, {
      onSuccess: (next) => {
        const dealer = next.dealers.find((d) => d.id === next.currentDealerId);
        void message.success(t('layout.dealerSwitched', { name: dealer?.name ?? '' }));
      },
      onError: notifyError,
    });
  };

  return (
    <Select
      data-testid="dealer-switcher"
      aria-label={t('layout.dealer')}
      placeholder={t('layout.dealer')}
      value={me.currentDealerId ?? undefined}
      onChange={onChange}
      loading={switchDealer.isPending}
      disabled={switchDealer.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 220 }}
      options={me.dealers.map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))}
    />
  );
}
