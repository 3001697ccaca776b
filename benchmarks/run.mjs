// Entry point named by package.json's "bench" script; the CLI lives in cli.mjs.
import './cli.mjs';
