#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "batch/csv_writer.h"
#include "batch/json_writer.h"
#include "batch/openmetrics_writer.h"
#include "batch/output_stream.h"
#include "batch/series_names.h"
#include "compat/python_float_format.h"
#include "config/yaml_config_loader.h"
#include "signal/stale_marker.h"
#include "support/temp_dir.h"

namespace promsynth {
namespace {

using ::testing::HasSubstr;

constexpr const char* kConfig = R"(global: {seed: 1, tick: 1s}
metrics:
  - name: jobs_total
    type: counter
    help: "Jobs \"done\", per\nqueue."
    labels: {queue: ["a,b", "q\"2"]}
    generator: {kind: constant, value: 1}
  - name: temperature
    help: Room temperature.
    generator: {kind: constant, value: 20}
)";

/// Feeds rows (one value per series) to `sink` at 0 s, 1.5 s, 3 s.
void Feed(BatchSink& sink, const SeriesLayout& layout, const std::vector<std::vector<double>>& rows) {
  const BatchRange range{0, 1500, static_cast<int64_t>(rows.size())};
  sink.Begin(layout, range);
  for (size_t k = 0; k < rows.size(); ++k)
    sink.Row(static_cast<int64_t>(k), range.TimeAt(static_cast<int64_t>(k)), rows[k]);
  sink.End();
}

class WritersTest : public ::testing::Test {
 protected:
  SeriesLayout layout_ = BuildSeriesLayout(ParseYamlConfig(kConfig, "w.yml"));
  std::vector<std::vector<double>> rows_ = {{1, 2, 20.5}, {2, StaleMarker(), 1e-05}, {3, 4, 2000}};
  testing::TempDir dir_;
};

TEST_F(WritersTest, SeriesNamesUseTextFormatNotation) {
  EXPECT_THAT(SeriesNames(layout_), ::testing::ElementsAre("jobs_total{queue=\"a,b\"}",
                                                           "jobs_total{queue=\"q\\\"2\"}", "temperature"));
}

TEST_F(WritersTest, CsvIsPythonsCsvModuleWithStrFloats) {
  const std::string path = dir_.path() + "/m.csv";
  {
    OutputStream out(path);
    CsvWriter writer(out);
    Feed(writer, layout_, rows_);
  }
  EXPECT_EQ(testing::ReadFile(path),
            "\"jobs_total{queue=\"\"a,b\"\"}\",\"jobs_total{queue=\"\"q\\\"\"2\"\"}\",temperature\r\n"
            "1.0,2.0,20.5\r\n"
            "2.0,,1e-05\r\n"
            "3.0,4.0,2000.0\r\n");
}

// Runs longer than a block go through the background thread block by block: the file is the
// same as formatting row after row, in order, including the last partial block.
TEST_F(WritersTest, CsvOfManyBlocksIsTheRowByRowText) {
  const size_t rows = CsvWriter::kBlockValues / 3 * 2 + 17;  // two full blocks of 3 series and a bit
  std::vector<std::vector<double>> values(rows);
  std::string expected =
      "\"jobs_total{queue=\"\"a,b\"\"}\",\"jobs_total{queue=\"\"q\\\"\"2\"\"}\",temperature\r\n";
  for (size_t k = 0; k < rows; ++k) {
    const double x = static_cast<double>(k);
    values[k] = {x * 0.1, k % 1000 == 7 ? StaleMarker() : x / 3.0, 1e15 + x};
    expected += compat::FormatPythonFloat(values[k][0]) + ",";
    if (k % 1000 != 7) expected += compat::FormatPythonFloat(values[k][1]);
    expected += "," + compat::FormatPythonFloat(values[k][2]) + "\r\n";
  }
  const std::string path = dir_.path() + "/big.csv";
  {
    OutputStream out(path);
    CsvWriter writer(out);
    Feed(writer, layout_, values);
  }
  EXPECT_EQ(testing::ReadFile(path), expected);
}

TEST_F(WritersTest, OpenMetricsHasTypeHelpTimestampsInSecondsAndEof) {
  const std::string path = dir_.path() + "/m.om";
  {
    OutputStream out(path);
    OpenMetricsWriter writer(out);
    Feed(writer, layout_, rows_);
  }
  EXPECT_EQ(testing::ReadFile(path),
            "# TYPE jobs counter\n"
            "# HELP jobs Jobs \\\"done\\\", per\\nqueue.\n"
            "jobs_total{queue=\"a,b\"} 1.0 0\n"
            "jobs_total{queue=\"a,b\"} 2.0 1.5\n"
            "jobs_total{queue=\"a,b\"} 3.0 3\n"
            "jobs_total{queue=\"q\\\"2\"} 2.0 0\n"
            "jobs_total{queue=\"q\\\"2\"} 4.0 3\n"
            "# TYPE temperature gauge\n"
            "# HELP temperature Room temperature.\n"
            "temperature 20.5 0\n"
            "temperature 1e-05 1.5\n"
            "temperature 2000.0 3\n"
            "# EOF\n");
}

TEST_F(WritersTest, JsonIsARangeQueryAnswer) {
  const std::string path = dir_.path() + "/m.json";
  {
    OutputStream out(path);
    JsonWriter writer(out);
    Feed(writer, layout_, rows_);
  }
  EXPECT_EQ(
      testing::ReadFile(path),
      "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n"
      "{\"metric\":{\"__name__\":\"jobs_total\",\"queue\":\"a,b\"},\"values\":[[0,\"1.0\"],[1.5,\"2.0\"],[3,"
      "\"3.0\"]]},\n"
      "{\"metric\":{\"__name__\":\"jobs_total\",\"queue\":\"q\\\"2\"},\"values\":[[0,\"2.0\"],[3,\"4.0\"]]},"
      "\n"
      "{\"metric\":{\"__name__\":\"temperature\"},\"values\":[[0,\"20.5\"],[1.5,\"1e-05\"],[3,\"2000.0\"]]}\n"
      "]}}\n");
}

TEST(OpenMetricsValueTest, SpecialValuesAndTimestamps) {
  std::string out;
  AppendOpenMetricsValue(out, std::nan(""));
  out += ' ';
  AppendOpenMetricsValue(out, -INFINITY);
  out += ' ';
  AppendOpenMetricsValue(out, 0.1 + 0.2);
  out += ' ';
  AppendSecondsTimestamp(out, 1767225600250);
  out += ' ';
  AppendSecondsTimestamp(out, -1500);
  out += ' ';
  AppendSecondsTimestamp(out, 7);
  EXPECT_EQ(out, "NaN -Inf 0.30000000000000004 1767225600.25 -1.5 0.007");
}

TEST(OutputStreamTest, AnUnwritablePathIsAnErrorNamingIt) {
  try {
    OutputStream out("/nonexistent-dir/x.csv");
    FAIL() << "opened";
  } catch (const std::runtime_error& error) {
    EXPECT_THAT(error.what(), HasSubstr("/nonexistent-dir/x.csv"));
  }
}

}  // namespace
}  // namespace promsynth
