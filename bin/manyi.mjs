#!/usr/bin/env node
// The `manyi` command: runs the TypeScript CLI through tsx's loader (no separate server build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
