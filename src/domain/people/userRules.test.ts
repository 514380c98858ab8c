import { describe, expect, it } from 'vitest';
import { refusalOnSelf, refusalToGrant, refusalToManage, weakPinReason, USERNAME_PATTERN } from './userRules';

const admin = { id: 'a', role: 'admin', warehouseIds: [] } as const;
const mainSupervisor = { id: 's', role: 'supervisor', warehouseIds: ['wh-main'] } as const;
const worker = (warehouseIds: string[]) => ({ id: 'w', username: 'w1', role: 'worker', warehouseIds }) as const;

describe('who may manage whom', () => {
  it('lets an admin manage anyone and grant anything but no warehouse', () => {
    expect(refusalToManage(admin, { id: 'x', username: 'boss', role: 'admin', warehouseIds: ['wh-yard'] })).toBeNull();
    expect(refusalToGrant(admin, { role: 'admin', warehouseIds: ['wh-yard'] })).toBeNull();
    expect(refusalToGrant(admin, { role: 'worker', warehouseIds: [] })).toMatch(/at least one warehouse/);
  });

  it('lets a supervisor manage only workers all of whose warehouses are theirs', () => {
    expect(refusalToManage(mainSupervisor, worker(['wh-main']))).toBeNull();
    expect(refusalToManage(mainSupervisor, worker(['wh-main', 'wh-yard']))).toMatch(/also works in wh-yard/);
    expect(refusalToManage(mainSupervisor, worker(['wh-yard']))).toMatch(/wh-yard/);
    expect(refusalToManage(mainSupervisor, worker([]))).toMatch(/ask an admin/);
    expect(refusalToManage(mainSupervisor, { id: 'o', username: 'other', role: 'supervisor', warehouseIds: ['wh-main'] })).toMatch(/only an admin/);
  });

  it('refuses a supervisor a raised role or a warehouse they are not in', () => {
    expect(refusalToGrant(mainSupervisor, { role: 'worker', warehouseIds: ['wh-main'] })).toBeNull();
    expect(refusalToGrant(mainSupervisor, { role: 'supervisor', warehouseIds: ['wh-main'] })).toMatch(/Only an admin/);
    expect(refusalToGrant(mainSupervisor, { role: 'worker', warehouseIds: ['wh-main', 'wh-yard'] })).toMatch(/do not work in wh-yard/);
    expect(refusalToGrant({ id: 'p', role: 'worker', warehouseIds: ['wh-main'] }, { role: 'worker', warehouseIds: ['wh-main'] })).toMatch(/Only a supervisor/);
  });

  it('keeps anyone from disabling themselves or changing their own role', () => {
    const self = { id: 'a', username: 'admin1', role: 'admin', warehouseIds: ['wh-main'] } as const;
    expect(refusalOnSelf(admin, self, { disable: true })).toMatch(/cannot disable yourself/);
    expect(refusalOnSelf(admin, self, { role: 'worker' })).toMatch(/own role/);
    expect(refusalOnSelf(admin, self, { role: 'admin' })).toBeNull();
    expect(refusalOnSelf(admin, { ...self, id: 'b' }, { disable: true })).toBeNull();
  });
});

describe('PINs and user names', () => {
  it('refuses repeats, runs up or down, common PINs and anything but 4 to 8 digits', () => {
    for (const pin of ['1111', '00000000', '1234', '4321', '0123', '98765', '7890', '1212', '2580', '123', '123456789', '12a4', ' 4826']) {
      expect(weakPinReason(pin), pin).not.toBeNull();
    }
    for (const pin of ['4826', '5930', '13579', '80417263']) expect(weakPinReason(pin), pin).toBeNull();
  });

  it('takes letters, digits, dots, dashes and underscores in user names', () => {
    for (const name of ['picker1', 'Jane.Doe', 'a', 'x_y-z']) expect(USERNAME_PATTERN.test(name), name).toBe(true);
    for (const name of ['', '.hidden', 'has space', 'nul\u0000', 'a'.repeat(65), 'ünïcode']) expect(USERNAME_PATTERN.test(name), name).toBe(false);
  });
});
