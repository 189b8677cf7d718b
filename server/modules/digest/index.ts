// The public face of the digest module: nothing — other modules do not use it; app.ts mounts its routes file.
export {};
