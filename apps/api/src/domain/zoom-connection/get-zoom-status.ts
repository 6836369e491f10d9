import type { ZoomStatusResponse } from '@crm/shared/zoom-connection';
import { AppError } from '../../errors/app-error';
import type { UserRepository } from '../ports/user-repository';
import { presentZoomStatus } from './present-zoom-status';

export async function getZoomStatus(users: UserRepository, userId: string): Promise<ZoomStatusResponse> {
  const user = await users.findById(userId);
  if (!user) throw new AppError({ code: 'unauthenticated', status: 401, message: 'Sign in first' });
  return presentZoomStatus(user);
}
