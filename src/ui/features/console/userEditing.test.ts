import { describe, expect, it } from 'vitest';
import type { ManagedUserRow, UserChangeEntry } from '../../../protocol/users';
import { changeOf, describeUserChange, draftOf, rolesOffered, toggled, whyNotManageable } from './userEditing';
import { translator } from '../../i18n/language';

const en = translator('en');
const zh = translator('zh');

const user: ManagedUserRow = {
  id: 'u-1',
  username: 'pat',
  displayName: 'Pat Picker',
  role: 'worker',
  jobs: ['pick', 'putaway'],
  warehouseIds: ['wh-main'],
  disabledAt: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  pinChangedAt: null,
  notManageable: null,
};
const entry = (action: UserChangeEntry['action'], changes: UserChangeEntry['changes']): UserChangeEntry => ({ id: '1', changedAt: '2026-12-01T09:00:00.000Z', actorName: 'super1', username: 'pat', action, changes });

describe('editing a user in the console', () => {
  it('sends only what the form changed, and nothing when it changed nothing', () => {
    expect(changeOf(user, draftOf(user))).toBeNull();
    expect(changeOf(user, { ...draftOf(user), jobs: ['putaway', 'pick'] })).toBeNull();
    expect(changeOf(user, { ...draftOf(user), displayName: ' Pat P. ', jobs: toggled(user.jobs, 'count', true) })).toEqual({ displayName: 'Pat P.', jobs: ['pick', 'putaway', 'count'] });
    expect(changeOf(user, { ...draftOf(user), role: 'supervisor', warehouseIds: ['wh-yard', 'wh-main'] })).toEqual({ role: 'supervisor', warehouseIds: ['wh-main', 'wh-yard'] });
  });

  it('offers supervisors the worker role only', () => {
    expect(rolesOffered('supervisor')).toEqual(['worker']);
    expect(rolesOffered('admin')).toEqual(['worker', 'supervisor', 'admin']);
  });

  it('words each audited change for the activity log', () => {
    expect(describeUserChange(en, entry('added', { role: { from: null, to: 'worker' }, jobs: { from: null, to: ['pick'] }, warehouseIds: { from: null, to: ['wh-main'] } }))).toBe('added: role worker; jobs pick; warehouses wh-main');
    expect(describeUserChange(en, entry('changed', { role: { from: 'worker', to: 'supervisor' }, jobs: { from: ['pick'], to: [] } }))).toBe('role: worker → supervisor; jobs: pick → none');
    expect(describeUserChange(en, entry('disabled', { disabled: { from: false, to: true } }))).toBe('disabled (their sessions ended)');
    expect(describeUserChange(en, entry('enabled', { disabled: { from: true, to: false } }))).toBe('enabled');
    expect(describeUserChange(en, entry('pin-reset', {}))).toBe('PIN reset (their sessions ended)');
  });

  it('says why a user is not the supervisor’s to manage, in either language', () => {
    expect(whyNotManageable(en, { username: 'sam', role: 'supervisor', warehouseIds: ['wh-main'] }, ['wh-main'])).toBe('sam is a supervisor: only an admin manages supervisors and admins.');
    expect(whyNotManageable(en, { username: 'bo', role: 'worker', warehouseIds: ['wh-main', 'wh-yard'] }, ['wh-main'])).toBe('bo also works in wh-yard, where you do not: ask an admin.');
    expect(whyNotManageable(zh, { username: 'sam', role: 'supervisor', warehouseIds: ['wh-main'] }, ['wh-main'])).toBe('sam 是主管：主管和管理员只能由管理员管理。');
  });

  it('words them in Chinese too, roles and jobs included', () => {
    expect(describeUserChange(zh, entry('changed', { role: { from: 'worker', to: 'supervisor' }, jobs: { from: ['pick'], to: [] } }))).toBe('角色：作业员 → 主管；作业：拣货 → 无');
  });
});
