import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

/** `npm run test:faults`: the fault tests too slow for `npm test` (they wait out real lock expiries). */
export default defineConfig({ test: { ...base.test, include: ["test/faults/slow/**/*.test.ts"], exclude: [] } });
