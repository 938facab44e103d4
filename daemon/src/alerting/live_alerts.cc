#include "alerting/live_alerts.h"

namespace promsynth {
namespace {

bool SameTarget(const AlertmanagerConfig& a, const AlertmanagerConfig& b) {
  return a.url == b.url && a.timeout == b.timeout && a.resend_interval == b.resend_interval &&
         a.generator_url == b.generator_url;
}

}  // namespace

void LiveAlerts::Configure(const Config& config, const netops::NetopsConfig* netops,
                           const std::optional<AlertmanagerConfig>& fallback, int64_t now_ms) {
  if (client_) {
    std::vector<PostableAlert> resolved =
        evaluator_ ? evaluator_->ResolveAll(now_ms) : std::vector<PostableAlert>{};
    if (netops_) {
      for (PostableAlert& alert : netops_->ResolveAll(now_ms)) resolved.push_back(std::move(alert));
    }
    client_->Update({}, std::move(resolved), true);
  }
  evaluator_.reset();
  netops_.reset();
  config_firing_.clear();
  netops_firing_.clear();
  const std::optional<AlertmanagerConfig>& target = config.alertmanager ? config.alertmanager : fallback;
  if (!target) {
    client_.reset();  // delivers nothing more: the resolutions above go only while it lives
    return;
  }
  if (!client_ || !SameTarget(client_->config(), *target)) {
    client_ = std::make_unique<AlertmanagerClient>(*target, on_sent_, on_failed_);
  }
  evaluator_ = std::make_unique<AlertEvaluator>(CollectAlertRules(config), target->generator_url);
  if (netops != nullptr) netops_ = std::make_unique<NetopsAlertTracker>(*netops, target->generator_url);
}

void LiveAlerts::ReplaceNetops(const netops::NetopsConfig& netops, int64_t now_ms) {
  if (!client_) return;
  std::vector<PostableAlert> resolved = netops_ ? netops_->ResolveAll(now_ms) : std::vector<PostableAlert>{};
  netops_ = std::make_unique<NetopsAlertTracker>(netops, client_->config().generator_url);
  Deliver({{}, std::move(resolved), true}, netops_firing_);
}

void LiveAlerts::Observe(const Snapshot& snapshot) {
  if (!evaluator_ || !client_) return;
  Deliver(evaluator_->Evaluate(snapshot, snapshot.time_ms), config_firing_);
}

void LiveAlerts::ObserveNetops(const std::vector<NetopsAlertSample>& samples, int64_t time_ms) {
  if (!netops_ || !client_) return;
  Deliver(netops_->Observe(samples, time_ms), netops_firing_);
}

void LiveAlerts::Deliver(AlertEvaluation evaluation, std::vector<PostableAlert>& firing) {
  // The client takes the whole firing set: both sources' alerts, each source's as last seen.
  firing = std::move(evaluation.firing);
  std::vector<PostableAlert> all = config_firing_;
  all.insert(all.end(), netops_firing_.begin(), netops_firing_.end());
  client_->Update(std::move(all), std::move(evaluation.resolved), evaluation.changed);
}

}  // namespace promsynth
