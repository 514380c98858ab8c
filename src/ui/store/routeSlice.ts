import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

/** The screens, by path. Any other path shows Home. */
export const routes = ['/', '/find', '/settings', '/scanner', '/pick', '/putaway', '/count', '/sync', '/console'] as const;
export type Route = (typeof routes)[number];

export interface RouteSlice {
  path: Route;
  /** Query string of the current location, e.g. `code=…` on /find. */
  search: string;
  navigate(path: Route, search?: string): void;
  locationChanged(pathname: string, search: string): void;
}

export function routeOf(pathname: string): Route {
  return (routes as readonly string[]).includes(pathname) ? (pathname as Route) : '/';
}

export const createRouteSlice: StateCreator<AppState, [], [], RouteSlice> = (set) => ({
  path: typeof location === 'undefined' ? '/' : routeOf(location.pathname),
  search: typeof location === 'undefined' ? '' : location.search.replace(/^\?/, ''),
  navigate: (path, search = '') => {
    history.pushState(null, '', search ? `${path}?${search}` : path);
    set({ path, search });
  },
  locationChanged: (pathname, search) => set({ path: routeOf(pathname), search: search.replace(/^\?/, '') }),
});
