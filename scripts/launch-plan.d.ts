/** Types for scripts/launch-plan.js (plain JavaScript, run by node before anything is built). */
export type ElectronBinaryStatus = { available: true; executable: string } | { available: false; reason: string };

export function electronBinaryStatus(options: {
  electronPackageDir: string;
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string | null;
}): ElectronBinaryStatus;

export type StartPlan =
  | { kind: 'electron'; executable: string }
  | { kind: 'browser-host'; notice: string }
  | { kind: 'fail'; message: string };

export function planStart(facts: {
  electron: ElectronBinaryStatus;
  hasRendererSource: boolean;
  hasServeCommand: boolean;
  forceBrowser?: boolean;
}): StartPlan;
