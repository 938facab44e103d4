// Cost of the Python-compatibility primitives on the tick and serialisation paths.

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "compat/python_float_format.h"
#include "compat/python_random.h"
#include "compat/python_round.h"

namespace promsynth::compat {
namespace {

void BenchRandom(benchmark::State& state) {
  PythonRandom rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(rng.Random());
}
BENCHMARK(BenchRandom);

void BenchGauss(benchmark::State& state) {
  PythonRandom rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(rng.Gauss(0.0, 1.0));
}
BENCHMARK(BenchGauss);

void BenchChoice(benchmark::State& state) {
  PythonRandom rng(42);
  for (auto _ : state) benchmark::DoNotOptimize(rng.Choice(3));
}
BENCHMARK(BenchChoice);

// Values with the digit counts a metrics file really holds: noisy doubles (17 digits), values
// rounded to 6 or 2 decimals, small integers.
std::vector<double> SampleValues() {
  PythonRandom rng(7);
  std::vector<double> values;
  for (int i = 0; i < 1024; ++i) {
    const double noisy = rng.Gauss(60.0, 5.0);
    switch (i % 4) {
      case 0:
        values.push_back(noisy);
        break;
      case 1:
        values.push_back(NumpyRound(noisy, 6));
        break;
      case 2:
        values.push_back(PythonRound(noisy, 2));
        break;
      default:
        values.push_back(static_cast<double>(i % 17));
        break;
    }
  }
  return values;
}

void BenchAppendPythonFloat(benchmark::State& state) {
  const std::vector<double> values = SampleValues();
  std::string out;
  out.reserve(values.size() * 32);
  size_t i = 0;
  for (auto _ : state) {
    if (i == values.size()) {
      out.clear();
      i = 0;
    }
    AppendPythonFloat(out, values[i++]);
  }
  benchmark::DoNotOptimize(out.data());
}
BENCHMARK(BenchAppendPythonFloat);

// The exact 128-bit path against the std::to_chars path it replaced, on the same values.
template <size_t (*kWrite)(char*, double) noexcept>
void BenchWritePythonFloat(benchmark::State& state) {
  const std::vector<double> values = SampleValues();
  std::array<char, kMaxPythonFloatLength> text{};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(kWrite(text.data(), values[i]));
    benchmark::ClobberMemory();
    i = (i + 1) % values.size();
  }
}
BENCHMARK_TEMPLATE(BenchWritePythonFloat, WritePythonFloat)->Name("BenchWritePythonFloat/fast");
BENCHMARK_TEMPLATE(BenchWritePythonFloat, WritePythonFloatReference)->Name("BenchWritePythonFloat/to_chars");

void BenchPythonRound2(benchmark::State& state) {
  const std::vector<double> values = SampleValues();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(PythonRound(values[i], 2));
    i = (i + 1) % values.size();
  }
}
BENCHMARK(BenchPythonRound2);

void BenchNumpyRound6(benchmark::State& state) {
  const std::vector<double> values = SampleValues();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(NumpyRound(values[i], 6));
    i = (i + 1) % values.size();
  }
}
BENCHMARK(BenchNumpyRound6);

}  // namespace
}  // namespace promsynth::compat
