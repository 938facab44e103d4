#include "compat/python_float_format.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace promsynth::compat {
namespace {

// Python switches to scientific notation when the position of the decimal point relative to the
// first significant digit (`point`, value = 0.d1d2... * 10**point) is at most -4 or above 16.
constexpr int kLowestPositionalPoint = -3;
constexpr int kHighestPositionalPoint = 16;

constexpr int kMaxDigits = 20;

__extension__ using Uint128 = unsigned __int128;  // GCC and clang on 64-bit targets

// Lays out `digits` (ASCII, no leading zero, value 0.d1d2... * 10**point) with an optional sign as
// Python's repr does. Returns the bytes written.
size_t LayOut(char* out, bool negative, const char* digits, int digit_count, int point) {
  char* cursor = out;
  auto put = [&cursor](char c) { *cursor++ = c; };
  if (negative) put('-');
  if (point < kLowestPositionalPoint || point > kHighestPositionalPoint) {
    const int exponent = point - 1;
    put(digits[0]);
    if (digit_count > 1) {
      put('.');
      for (int i = 1; i < digit_count; ++i) put(digits[i]);
    }
    put('e');
    put(exponent < 0 ? '-' : '+');
    const int magnitude = exponent < 0 ? -exponent : exponent;
    if (magnitude >= 100) put(static_cast<char>('0' + magnitude / 100));
    put(static_cast<char>('0' + magnitude / 10 % 10));
    put(static_cast<char>('0' + magnitude % 10));
  } else if (point <= 0) {
    put('0');
    put('.');
    for (int i = point; i < 0; ++i) put('0');
    for (int i = 0; i < digit_count; ++i) put(digits[i]);
  } else if (point >= digit_count) {
    for (int i = 0; i < digit_count; ++i) put(digits[i]);
    for (int i = digit_count; i < point; ++i) put('0');
    put('.');
    put('0');
  } else {
    for (int i = 0; i < point; ++i) put(digits[i]);
    put('.');
    for (int i = point; i < digit_count; ++i) put(digits[i]);
  }
  return static_cast<size_t>(cursor - out);
}

// "nan", "inf", "-inf", "0.0" and "-0.0"; 0 when `value` is none of them.
size_t WriteSpecial(char* out, double value) {
  auto copy = [out](const char* text) {
    size_t length = 0;
    for (; text[length] != '\0'; ++length) out[length] = text[length];
    return length;
  };
  if (std::isnan(value)) return copy("nan");
  if (std::isinf(value)) return copy(value < 0 ? "-inf" : "inf");
  if (value == 0.0) return copy(std::signbit(value) ? "-0.0" : "0.0");
  return 0;
}

// Every finite nonzero value through std::to_chars: it picks the digit string closest to the
// exact value among the shortest that read back, which is also what Python does (David Gay's
// mode 0); the scientific form separates the digits cleanly from the exponent.
size_t WriteViaToChars(char* out, double value) {
  std::array<char, kMaxPythonFloatLength> scratch{};
  const std::to_chars_result converted =
      std::to_chars(scratch.data(), scratch.data() + scratch.size(), value, std::chars_format::scientific);
  const char* p = scratch.data();
  const char* const end = converted.ptr;
  const bool negative = *p == '-';
  if (negative) ++p;
  std::array<char, kMaxDigits> digits{};
  int digit_count = 0;
  while (p != end && *p != 'e') {
    if (*p != '.') digits[static_cast<size_t>(digit_count++)] = *p;
    ++p;
  }
  ++p;  // 'e'
  const bool negative_exponent = *p == '-';
  ++p;  // exponent sign, always present in to_chars output
  int exponent = 0;
  for (; p != end; ++p) exponent = exponent * 10 + (*p - '0');
  if (negative_exponent) exponent = -exponent;
  return LayOut(out, negative, digits.data(), digit_count, exponent + 1);
}

/// base^0 … base^(N-1), each exact in 64 bits for the sizes used below.
template <size_t N>
constexpr std::array<uint64_t, N> PowersOf(uint64_t base) {
  std::array<uint64_t, N> powers{};
  uint64_t power = 1;
  for (uint64_t& p : powers) {
    p = power;
    power *= base;
  }
  return powers;
}

constexpr std::array<uint64_t, 23> kPowersOf5 = PowersOf<23>(5);
constexpr std::array<uint64_t, 20> kPowersOf10 = PowersOf<20>(10);

constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (size_t i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// Writes `value` (< 10**8) as exactly eight digits, leading zeros included.
[[gnu::always_inline]] inline void WriteEightDigits(char* out, uint32_t value) {
  const uint32_t high = value / 10000;
  const uint32_t low = value % 10000;
  const char* pairs = kDigitPairs.data();
  std::copy_n(pairs + 2 * (high / 100), 2, out);
  std::copy_n(pairs + 2 * (high % 100), 2, out + 2);
  std::copy_n(pairs + 2 * (low / 100), 2, out + 4);
  std::copy_n(pairs + 2 * (low % 100), 2, out + 6);
}

// Binary exponents (value in [2**e, 2**(e+1))) the exact path covers: 2**-14 < 1e-4 and
// 2**54 > 1e16, so every value Python prints positionally is inside.
constexpr int kLowestFastExponent = -14;
constexpr int kHighestFastExponent = 53;

// The shortest round-trip digits of a normal double with binary exponent in the fast range, by
// Ryu's digit removal (Ulf Adams, PLDI 2018) on bounds computed exactly: the value and the
// midpoints to its neighbours, scaled by 10**s so that they lie in [1e17, 8e18), are integers
// times 2**k with 128-bit numerators, so their floors and whether those floors are exact come
// from one multiplication and one shift instead of Ryu's tables. Writes the digits, returns their
// count and sets `point`.
int ShortestDigits(uint64_t bits, char* digits, int& point) {
  const auto biased_exponent = static_cast<int>((bits >> 52) & 0x7ff);
  const uint64_t mantissa_bits = bits & ((uint64_t{1} << 52) - 1);
  const uint64_t mantissa = mantissa_bits | (uint64_t{1} << 52);  // value = mantissa * 2**e2
  const int e2 = biased_exponent - 1075;
  const int binary_exponent = e2 + 52;
  // floor(binary_exponent * log10(2)) for |binary_exponent| < 1650 (an arithmetic shift floors).
  const int log10_floor = (binary_exponent * 78913) >> 18;
  const int s = 17 - log10_floor;                        // 2..22
  const int shift = e2 - 2 + s;                          // the bounds below are 4 * value, hence the - 2
  const bool accept_bounds = mantissa % 2 == 0;          // an even mantissa wins the tie on reading back
  const uint64_t mm_shift = mantissa_bits != 0 ? 1 : 0;  // a power of two has a closer lower neighbour

  // One 64x64 multiplication: the three numerators are 4m * 5**s plus or minus small multiples of 5**s.
  const uint64_t power = kPowersOf5[static_cast<size_t>(s)];
  const Uint128 centre = static_cast<Uint128>(4 * mantissa) * power;
  const Uint128 upper = centre + 2 * static_cast<Uint128>(power);
  const Uint128 lower = centre - (1 + mm_shift) * static_cast<Uint128>(power);
  const int right = shift < 0 ? -shift : 0;
  const Uint128 low_bits = (static_cast<Uint128>(1) << right) - 1;
  auto scale = [&](Uint128 n, bool& exact) {
    if (shift >= 0) {
      exact = true;
      return static_cast<uint64_t>(n << shift);
    }
    exact = (n & low_bits) == 0;
    return static_cast<uint64_t>(n >> right);
  };
  bool vr_exact = false;
  bool vp_exact = false;
  bool vm_exact = false;
  uint64_t vr = scale(centre, vr_exact);
  uint64_t vp = scale(upper, vp_exact);
  uint64_t vm = scale(lower, vm_exact);
  bool vm_trailing_zeros = accept_bounds && vm_exact;
  bool vr_trailing_zeros = vr_exact;
  if (!accept_bounds && vp_exact) --vp;  // the upper midpoint itself reads back as the neighbour

  int removed = 0;
  uint64_t last_removed = 0;
  // Removes `digits` digits at once: the same as that many single steps of Ryu's loop, which
  // runs while vp / 10 > vm / 10. Whether n digits can go is monotone in n, so eight at a time,
  // then four, two and one find the count in a few steps (a short decimal loses 15 or more).
  auto remove = [&](int count, uint64_t divisor) {
    const uint64_t tail = vr % divisor;
    vm_trailing_zeros &= vm % divisor == 0;
    vr_trailing_zeros &= last_removed == 0 && tail % (divisor / 10) == 0;
    last_removed = tail / (divisor / 10);
    vr /= divisor;
    vp /= divisor;
    vm /= divisor;
    removed += count;
  };
  while (vp / 100'000'000 > vm / 100'000'000) remove(8, 100'000'000);
  if (vp / 10'000 > vm / 10'000) remove(4, 10'000);
  if (vp / 100 > vm / 100) remove(2, 100);
  while (vp / 10 > vm / 10) {
    vm_trailing_zeros &= vm % 10 == 0;
    vr_trailing_zeros &= last_removed == 0;
    last_removed = vr % 10;
    vr /= 10;
    vp /= 10;
    vm /= 10;
    ++removed;
  }
  if (vm_trailing_zeros) {
    while (vm % 10 == 0) {
      vr_trailing_zeros &= last_removed == 0;
      last_removed = vr % 10;
      vr /= 10;
      vp /= 10;
      vm /= 10;
      ++removed;
    }
  }
  if (vr_trailing_zeros && last_removed == 5 && vr % 2 == 0) last_removed = 4;  // exact half: to even
  const uint64_t output =
      vr + (((vr == vm && (!accept_bounds || !vm_trailing_zeros)) || last_removed >= 5) ? 1 : 0);

  // Right-aligned in 24 bytes as three independent blocks of eight digits (short dependency chains).
  std::array<char, 24> text{};
  WriteEightDigits(text.data() + 16, static_cast<uint32_t>(output % 100'000'000));
  WriteEightDigits(text.data() + 8, static_cast<uint32_t>(output / 100'000'000 % 100'000'000));
  if (output >= 10'000'000'000'000'000) {
    WriteEightDigits(text.data(), static_cast<uint32_t>(output / 10'000'000'000'000'000));
  }
  // Decimal digits from the bit width (log10(2) ~ 1233 / 4096), corrected by one comparison.
  const int estimate = (static_cast<int>(std::bit_width(output)) * 1233) >> 12;
  const int count = estimate + (output >= kPowersOf10[static_cast<size_t>(estimate)] ? 1 : 0);
  // Trailing zeros can remain when the loop stopped early (vp and vm in one decade); Python
  // prints none in the digit string.
  int length = count;
  while (length > 1 && text[static_cast<size_t>(24 - count + length - 1)] == '0') --length;
  for (int i = 0; i < length; ++i) digits[i] = text[static_cast<size_t>(24 - count + i)];
  point = count - s + removed;
  return length;
}

}  // namespace

size_t WritePythonFloatReference(char* out, double value) noexcept {
  if (const size_t length = WriteSpecial(out, value)) return length;
  return WriteViaToChars(out, value);
}

size_t WritePythonFloat(char* out, double value) noexcept {
  const auto bits = std::bit_cast<uint64_t>(value);
  const int binary_exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  if (binary_exponent < kLowestFastExponent || binary_exponent > kHighestFastExponent) {
    return WritePythonFloatReference(out, value);  // zero, subnormal, tiny, huge, inf, nan
  }
  std::array<char, kMaxDigits> digits{};
  int point = 0;
  const int digit_count = ShortestDigits(bits, digits.data(), point);
  return LayOut(out, (bits >> 63) != 0, digits.data(), digit_count, point);
}

std::string FormatPythonFloat(double value) {
  std::array<char, kMaxPythonFloatLength> buffer{};
  const size_t length = WritePythonFloat(buffer.data(), value);
  return std::string(buffer.data(), length);
}

void AppendPythonFloat(std::string& out, double value) {
  std::array<char, kMaxPythonFloatLength> buffer{};
  const size_t length = WritePythonFloat(buffer.data(), value);
  out.append(buffer.data(), length);
}

}  // namespace promsynth::compat
