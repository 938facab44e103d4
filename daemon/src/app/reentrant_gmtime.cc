// A thread-safe gmtime() for civetweb.
//
// civetweb 1.15 as Debian builds it (without REENTRANT_TIME) formats the Date header of every
// response with gmtime(), whose result lives in one static buffer of libc: two workers answering
// at once write the same struct tm, so a Date header can come out garbled (ThreadSanitizer
// reports the race in the soak test). Defined in the executable, this gmtime() is the one the
// dynamic linker binds libcivetweb's calls to (the executable comes first in the lookup order).
// Each thread gets its own buffer; otherwise it behaves as the standard function.
#include <time.h>

extern "C" struct tm* gmtime(const time_t* time) {
  thread_local struct tm result;
  return gmtime_r(time, &result);
}
