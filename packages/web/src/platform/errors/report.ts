import { notification } from 'ant-design-vue';
import { ApiError } from '../api/api-error';
import { i18n } from '../i18n/i18n';

/**
 * The one place unexpected failures are shown: the API envelope's message and the request
 * id (so a user can quote it and an administrator can find it in the logs).
 */
export function reportError(error: unknown): void {
  const t = i18n.global.t;
  if (error instanceof ApiError) {
    const description = error.isNetwork
      ? t('common.networkError')
      : [error.message, error.requestId ? t('common.requestId', { id: error.requestId }) : '']
          .filter(Boolean)
          .join(' · ');
    notification.error({ message: t('common.error'), description, key: error.requestId, duration: 8 });
    return;
  }
  notification.error({
    message: t('common.error'),
    description: error instanceof Error ? error.message : String(error),
  });
}
