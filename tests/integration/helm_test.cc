// The Helm chart, rendered by a real helm (scripts/fetch-helm.sh) and checked object by object.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "support/process.h"
#include "support/temp_dir.h"

namespace promsynth::testing {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

const std::string kSource = PROMSYNTH_SOURCE_DIR;
const std::string kChart = kSource + "/helm/promsynth";

std::string Helm() {
  static const std::string path = [] {
    CommandResult result = RunCommand({kSource + "/scripts/fetch-helm.sh"}, seconds(300));
    if (result.exit_code != 0) return std::string();
    while (!result.output.empty() && result.output.back() == '\n') result.output.pop_back();
    return result.output.substr(result.output.rfind('\n') + 1);
  }();
  return path;
}

/// `helm template` with the given values files, as a map kind → object.
std::map<std::string, YAML::Node> Render(const std::vector<std::string>& values_files) {
  std::vector<std::string> argv = {Helm(), "template", "demo", kChart};
  for (const std::string& file : values_files) {
    argv.push_back("-f");
    argv.push_back(kSource + "/tests/fixtures/helm/" + file);
  }
  const CommandResult result = RunCommand(argv, seconds(120));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  std::map<std::string, YAML::Node> objects;
  for (const YAML::Node& document : YAML::LoadAll(result.output)) {
    if (!document.IsMap()) continue;
    // The dashboard ConfigMap is the second ConfigMap: keep it apart from the config's.
    const bool dashboard = document["metadata"]["name"].as<std::string>().ends_with("-dashboard");
    objects[dashboard ? "DashboardConfigMap" : document["kind"].as<std::string>()] = document;
  }
  return objects;
}

class HelmTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(Helm().empty()) << "scripts/fetch-helm.sh could not provide helm"; }
};

TEST_F(HelmTest, LintPassesWithEveryValuesFile) {
  for (const std::vector<std::string>& extra :
       std::vector<std::vector<std::string>>{{},
                                             {"-f", kSource + "/tests/fixtures/helm/monitoring.yaml"},
                                             {"-f", kSource + "/tests/fixtures/helm/custom.yaml"},
                                             {"-f", kSource + "/tests/fixtures/helm/alerting.yaml"}}) {
    std::vector<std::string> argv = {Helm(), "lint", "--strict", kChart};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const CommandResult result = RunCommand(argv, seconds(120));
    EXPECT_EQ(result.exit_code, 0) << result.output;
  }
}

TEST_F(HelmTest, SchemaRefusesUnknownKeysAndBadEnums) {
  const CommandResult result = RunCommand(
      {Helm(), "lint", kChart, "-f", kSource + "/tests/fixtures/helm/bad-values.yaml"}, seconds(120));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.output, HasSubstr("Additional property servicemonitor is not allowed"));
  EXPECT_THAT(result.output, HasSubstr("logFormat must be one of the following"));
}

TEST_F(HelmTest, DefaultsRenderARestrictedDeployment) {
  auto objects = Render({});
  for (const char* kind : {"Deployment", "Service", "ConfigMap", "ServiceAccount"}) {
    EXPECT_EQ(objects.count(kind), 1u) << kind;
  }
  EXPECT_EQ(objects.count("ServiceMonitor"), 0u);
  EXPECT_EQ(objects.count("PrometheusRule"), 0u);
  const YAML::Node pod = objects["Deployment"]["spec"]["template"]["spec"];
  EXPECT_TRUE(pod["securityContext"]["runAsNonRoot"].as<bool>());
  EXPECT_EQ(pod["securityContext"]["seccompProfile"]["type"].as<std::string>(), "RuntimeDefault");
  EXPECT_FALSE(pod["automountServiceAccountToken"].as<bool>());
  const YAML::Node container = pod["containers"][0];
  EXPECT_TRUE(container["securityContext"]["readOnlyRootFilesystem"].as<bool>());
  EXPECT_FALSE(container["securityContext"]["allowPrivilegeEscalation"].as<bool>());
  EXPECT_EQ(container["securityContext"]["capabilities"]["drop"][0].as<std::string>(), "ALL");
  EXPECT_EQ(container["livenessProbe"]["httpGet"]["path"].as<std::string>(), "/-/healthy");
  EXPECT_EQ(container["readinessProbe"]["httpGet"]["path"].as<std::string>(), "/-/ready");
  EXPECT_EQ(container["ports"][0]["containerPort"].as<int>(), 9877);
  EXPECT_EQ(container["args"][0].as<std::string>(), "--config.file=/etc/promsynth/promsynth.yml");
  EXPECT_TRUE(container["resources"]["limits"]["memory"].IsDefined());
  EXPECT_EQ(objects["Service"]["spec"]["ports"][0]["port"].as<int>(), 9877);
  EXPECT_TRUE(
      objects["Deployment"]["spec"]["template"]["metadata"]["annotations"]["checksum/config"].IsDefined());
}

TEST_F(HelmTest, ShardsRenderAStatefulSetWhosePodsTakeTheirOrdinal) {
  auto objects = Render({"sharded.yaml"});
  EXPECT_EQ(objects.count("Deployment"), 0u);
  ASSERT_EQ(objects.count("StatefulSet"), 1u);
  const YAML::Node spec = objects["StatefulSet"]["spec"];
  EXPECT_EQ(spec["replicas"].as<int>(), 4);
  EXPECT_EQ(spec["serviceName"].as<std::string>(), objects["Service"]["metadata"]["name"].as<std::string>());
  EXPECT_EQ(spec["podManagementPolicy"].as<std::string>(), "Parallel");
  std::vector<std::string> args;
  for (const YAML::Node& arg : spec["template"]["spec"]["containers"][0]["args"])
    args.push_back(arg.as<std::string>());
  EXPECT_THAT(args, ::testing::Contains("--shard=auto/4"));
  // The selector still matches the pods, so the one Service (and ServiceMonitor) covers every shard.
  for (const auto& label : spec["selector"]["matchLabels"]) {
    EXPECT_EQ(spec["template"]["metadata"]["labels"][label.first.as<std::string>()].as<std::string>(),
              label.second.as<std::string>());
  }
}

TEST_F(HelmTest, DefaultShardsKeepTheDeployment) {
  auto objects = Render({});
  EXPECT_EQ(objects.count("StatefulSet"), 0u);
  for (const YAML::Node& arg : objects["Deployment"]["spec"]["template"]["spec"]["containers"][0]["args"]) {
    EXPECT_THAT(arg.as<std::string>(), ::testing::Not(HasSubstr("--shard")));
  }
}

TEST_F(HelmTest, RenderedConfigIsValidForTheDaemon) {
  for (const std::string& values : {std::string(), std::string("custom.yaml")}) {
    auto objects = Render(values.empty() ? std::vector<std::string>{} : std::vector<std::string>{values});
    TempDir dir;
    const std::string file =
        dir.Write("promsynth.yml", objects["ConfigMap"]["data"]["promsynth.yml"].as<std::string>());
    const CommandResult check = RunCommand({PROMSYNTH_BINARY, "check-config", file}, seconds(30));
    EXPECT_EQ(check.exit_code, 0) << values << ": " << check.output;
  }
}

TEST_F(HelmTest, ConfigChangeChangesTheChecksum) {
  auto defaults = Render({});
  auto custom = Render({"custom.yaml"});
  const auto checksum = [](std::map<std::string, YAML::Node>& objects) {
    return objects["Deployment"]["spec"]["template"]["metadata"]["annotations"]["checksum/config"]
        .as<std::string>();
  };
  EXPECT_EQ(checksum(defaults).size(), 64u);
  EXPECT_NE(checksum(defaults), checksum(custom));
}

TEST_F(HelmTest, CustomValuesReachTheObjects) {
  auto objects = Render({"custom.yaml"});
  EXPECT_EQ(objects["Deployment"]["metadata"]["name"].as<std::string>(), "synth");
  const YAML::Node container = objects["Deployment"]["spec"]["template"]["spec"]["containers"][0];
  EXPECT_EQ(container["image"].as<std::string>(), "registry.example/promsynth:9.9.9");
  EXPECT_EQ(container["imagePullPolicy"].as<std::string>(), "Always");
  EXPECT_EQ(container["ports"][0]["containerPort"].as<int>(), 9100);
  std::vector<std::string> args;
  for (const auto& arg : container["args"]) args.push_back(arg.as<std::string>());
  EXPECT_THAT(args, ::testing::Contains("--log.format=json"));
  EXPECT_THAT(args, ::testing::Contains("--limits.max-series=5000000"));
  EXPECT_THAT(args, ::testing::Contains("--web.listen-address=:9100"));
  EXPECT_EQ(objects["Service"]["spec"]["type"].as<std::string>(), "NodePort");
}

TEST_F(HelmTest, MonitoringObjectsAndValidRules) {
  auto objects = Render({"monitoring.yaml"});
  ASSERT_EQ(objects.count("ServiceMonitor"), 1u);
  ASSERT_EQ(objects.count("PrometheusRule"), 1u);
  const YAML::Node monitor = objects["ServiceMonitor"];
  EXPECT_EQ(monitor["metadata"]["labels"]["release"].as<std::string>(), "kube-prometheus-stack");
  EXPECT_EQ(monitor["spec"]["endpoints"][0]["interval"].as<std::string>(), "5s");
  EXPECT_EQ(monitor["spec"]["endpoints"][0]["path"].as<std::string>(), "/metrics");
  TempDir dir;
  YAML::Node rules;
  rules["groups"] = objects["PrometheusRule"]["spec"]["groups"];
  const std::string file = dir.Write("rules.yml", YAML::Dump(rules));
  const CommandResult check = RunCommand({"promtool", "check", "rules", file}, seconds(60));
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

/// A YAML tree as text with every mapping's keys sorted, so two trees compare regardless of key order.
std::string Canonical(const YAML::Node& node) {
  if (node.IsMap()) {
    std::map<std::string, std::string> entries;
    for (const auto& entry : node) entries[entry.first.as<std::string>()] = Canonical(entry.second);
    std::string out = "{";
    for (const auto& [key, value] : entries) out += key + ": " + value + ", ";
    return out + "}";
  }
  if (node.IsSequence()) {
    std::string out = "[";
    for (const auto& item : node) out += Canonical(item) + ", ";
    return out + "]";
  }
  return node.IsScalar() ? "\"" + node.Scalar() + "\"" : "~";
}

/// What `promsynth <args>` prints; the test fails when it exits non-zero.
std::string PromsynthOutput(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {PROMSYNTH_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const CommandResult result = RunCommand(argv, seconds(60));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return result.output;
}

TEST_F(HelmTest, PrometheusRuleFromConfigIsWhatPromsynthRulesWrites) {
  auto objects = Render({"alerting.yaml"});
  ASSERT_EQ(objects.count("PrometheusRule"), 1u);
  TempDir dir;
  const std::string config =
      dir.Write("promsynth.yml", objects["ConfigMap"]["data"]["promsynth.yml"].as<std::string>());
  PromsynthOutput({"rules", "--config.file=" + config, "-o", dir.path()});
  const YAML::Node written = YAML::LoadFile(dir.path() + "/rules.yml")["groups"];
  const YAML::Node rendered = objects["PrometheusRule"]["spec"]["groups"];
  ASSERT_EQ(written.size(), 1u);
  ASSERT_EQ(rendered.size(), 2u) << "the config's group, then prometheusRule.groups";
  EXPECT_EQ(Canonical(rendered[0]), Canonical(written[0]));
  EXPECT_EQ(rendered[1]["name"].as<std::string>(), "extra");
  // The cases where a template could drift: Go's number format, a counter, below, StatReplace.
  std::map<std::string, YAML::Node> rules;
  for (const YAML::Node& rule : rendered[0]["rules"]) rules[rule["alert"].as<std::string>()] = rule;
  EXPECT_EQ(rules["LatencyAbsurd"]["expr"].as<std::string>(), "shop_request_latency_seconds >= 1.234567e+06");
  EXPECT_EQ(rules["ErrorBurst"]["expr"].as<std::string>(), "idelta(shop_errors_total[5m]) >= 20");
  EXPECT_EQ(rules["DiskAlmostFull"]["expr"].as<std::string>(), "shop_disk_free_ratio <= 1e-05");
  EXPECT_EQ(rules["LatencyHigh"]["annotations"]["description"].as<std::string>(),
            "netops-style text: {{ $value }}");
  EXPECT_EQ(rules["LatencyHigh"]["labels"]["tier"].as<std::string>(), "1");
  // And Prometheus accepts it.
  YAML::Node file;
  file["groups"] = rendered;
  const std::string rules_file = dir.Write("rendered.yml", YAML::Dump(file));
  const CommandResult check = RunCommand({"promtool", "check", "rules", rules_file}, seconds(60));
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST_F(HelmTest, DashboardConfigMapCarriesTheSidecarLabelAndTheCommandsOutput) {
  EXPECT_EQ(Render({}).count("DashboardConfigMap"), 0u) << "off by default";
  auto objects = Render({"alerting.yaml"});
  ASSERT_EQ(objects.count("DashboardConfigMap"), 1u);
  const YAML::Node map = objects["DashboardConfigMap"];
  EXPECT_EQ(map["metadata"]["labels"]["grafana_dashboard"].as<std::string>(), "1");
  const std::string shipped = ReadFile(kChart + "/files/promsynth-dashboard.json");
  EXPECT_EQ(map["data"]["promsynth-dashboard.json"].as<std::string>(), shipped);
  // The shipped file is what `promsynth dashboard` prints for the chart's default config.
  TempDir dir;
  const std::string config =
      dir.Write("promsynth.yml", Render({})["ConfigMap"]["data"]["promsynth.yml"].as<std::string>());
  EXPECT_EQ(PromsynthOutput({"dashboard", "--config.file=" + config}), shipped)
      << "regenerate helm/promsynth/files/promsynth-dashboard.json";
}

}  // namespace
}  // namespace promsynth::testing
