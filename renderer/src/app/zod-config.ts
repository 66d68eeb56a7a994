/**
 * Configures zod before any schema module is evaluated (main.tsx imports this first). Zod
 * otherwise probes `new Function` to compile fast parsers while building object schemas; the
 * CSP forbids eval and reports the probe as a violation, so the renderer parses without JIT.
 */
import { z } from 'zod';

z.config({ jitless: true });
