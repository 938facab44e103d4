/* A stand-in for `libcrypto.so` (see libssl_shim.c): civetweb 1.15 also dlopen()s the
 * unversioned "libcrypto.so", which only the -dev package provides as a symlink. This library
 * has that SONAME and depends on the real libcrypto.so.3, so civetweb finds every libcrypto
 * symbol through it on machines without libssl-dev. It defines nothing of OpenSSL's own. */
int promsynth_crypto_shim_version(void);
int promsynth_crypto_shim_version(void) { return 1; }
