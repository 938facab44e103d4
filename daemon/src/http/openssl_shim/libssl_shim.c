/* A stand-in for `libssl.so` that makes Debian's civetweb 1.15 work with OpenSSL 3.
 *
 * civetweb 1.15 (built without NO_SSL_DL) dlopen()s "libssl.so" at run time and looks up
 * `SSL_get_peer_certificate`, which OpenSSL 3 no longer exports (it became a macro for
 * `SSL_get1_peer_certificate`). dlsym() then yields NULL and the first TLS connection calls it:
 * a crash. This library has the SONAME "libssl.so" and is a DT_NEEDED of promsynth, so it is
 * loaded at start-up; glibc's dlopen("libssl.so") matches an already loaded object by SONAME
 * and returns this one, whose dlsym() scope also covers its own dependency, the real
 * libssl.so.3. Every other symbol therefore resolves to OpenSSL 3 itself.
 *
 * Reference counts: OpenSSL 1.1's SSL_get_peer_certificate already took a reference, which
 * civetweb drops with X509_free when the connection ends; SSL_get1_peer_certificate keeps
 * exactly that contract. */

/* Not <openssl/ssl.h>: in OpenSSL 3 it #defines SSL_get_peer_certificate to the get1 name, which
 * would rename the definition below into a self-call. The types are opaque here anyway. */
typedef struct ssl_st SSL;
typedef struct x509_st X509;

X509* SSL_get1_peer_certificate(const SSL* ssl);
X509* SSL_get_peer_certificate(const SSL* ssl);

X509* SSL_get_peer_certificate(const SSL* ssl) { return SSL_get1_peer_certificate(ssl); }

/* Referenced by promsynth so that the linker keeps this library as a dependency, and used by
 * the start-up check that the shim is the library civetweb will get. */
int promsynth_ssl_shim_version(void);
int promsynth_ssl_shim_version(void) { return 1; }
