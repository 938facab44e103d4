# Warnings and sanitizers travel through INTERFACE targets, so every target opts in explicitly.
add_library(promsynth_warnings INTERFACE)
add_library(promsynth::warnings ALIAS promsynth_warnings)
target_compile_options(promsynth_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wno-missing-field-initializers  # designated initializers leave the rest at their defaults on purpose
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${PROMSYNTH_WERROR}>:-Werror>)

add_library(promsynth_sanitizers INTERFACE)
add_library(promsynth::sanitizers ALIAS promsynth_sanitizers)
if(PROMSYNTH_SANITIZE)
  target_compile_options(promsynth_sanitizers INTERFACE
    -fsanitize=${PROMSYNTH_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(promsynth_sanitizers INTERFACE -fsanitize=${PROMSYNTH_SANITIZE})
  if(CMAKE_CXX_COMPILER_ID MATCHES Clang)
    target_compile_options(promsynth_sanitizers INTERFACE
      -fsanitize-ignorelist=${CMAKE_CURRENT_LIST_DIR}/sanitizer-ignorelist.txt)
  endif()
  if(PROMSYNTH_SANITIZE MATCHES thread AND CMAKE_CXX_COMPILER_ID STREQUAL GNU)
    # GCC warns that TSan does not model Boost.Asio's standalone fences; Asio pairs them with
    # atomics and mutexes that TSan does see, so the warning is noise under -Werror.
    target_compile_options(promsynth_sanitizers INTERFACE -Wno-tsan)
  endif()
endif()

# The fuzz preset's build tree exists only for the libFuzzer targets: there every library carries
# coverage instrumentation itself, so the targets share one instrumented copy of each library
# instead of compiling its sources again per target (tests/fuzz/CMakeLists.txt).
option(PROMSYNTH_FUZZ_INSTRUMENT "Compile every library with -fsanitize=fuzzer-no-link (the fuzz preset)" OFF)
if(PROMSYNTH_FUZZ_INSTRUMENT)
  target_compile_options(promsynth_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
