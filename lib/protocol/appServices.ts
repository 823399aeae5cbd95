import type { BoardId } from "../model/ids";

/**
 * What the Next.js routes may ask of the server process. The custom server registers an
 * implementation on globalThis at start-up; route handlers look it up here. This keeps app/
 * free of server/ imports (Next bundles app/ separately, so a module-level singleton would not
 * be shared, but globalThis is).
 */
export interface BoardSummary {
  id: BoardId;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface AppServices {
  listBoards(): Promise<BoardSummary[]>;
  getBoard(id: BoardId): Promise<BoardSummary | null>;
  /** Creates a board from the service-roadmap template and stores its first state. */
  createBoard(input: { title: string }): Promise<BoardSummary>;
}

const KEY = Symbol.for("waymark.appServices");

export function registerAppServices(services: AppServices): void {
  (globalThis as Record<symbol, unknown>)[KEY] = services;
}

/** The running server's services; throws when the app runs without the Waymark server. */
export function appServices(): AppServices {
  const services = (globalThis as Record<symbol, unknown>)[KEY] as AppServices | undefined;
  if (!services) throw new Error("Waymark services are not registered: start the app with `npm start` or `npm run dev`");
  return services;
}
