import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['N', 'next'],
  ['1 – 6', 'outcomes'],
  ['/', 'faq'],
  ['Ctrl + Enter', 'submit'],
  ['?', 'help'],
] as const;

/** The shortcut list in a popover (opened by the button or the ? key). */
export function ShortcutHelp(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const content = (
    <table data-testid="wb-shortcuts">
      <tbody>
        {KEYS.map(([key, what]) => (
          <tr key={key}>
            <td style={{ paddingInlineEnd: 12 }}>
              <Typography.Text keyboard>{key}</Typography.Text>
            </td>
            <td>{t(`workbench.help.${what}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Popover
      title={t('workbench.help.title')}
      content={content}
      open={props.open}
      onOpenChange={props.onOpenChange}
      trigger="click"
    >
      <Button icon={<QuestionCircleOutlined />} data-testid="wb-help">
        {t('workbench.shortcuts')}
      </Button>
    </Popover>
  );
}
