#include "alerting/live_alerts.h"

namespace promsynth {
namespace {

bool SameTarget(const AlertmanagerConfig& a, const AlertmanagerConfig& b) {
  return a.url == b.url && a.timeout == b.timeout && a.resend_interval == b.resend_interval &&
         a.generator_url == b.generator_url;
}

}  // namespace

void LiveAlerts::Configure(const Config& config, int64_t now_ms) {
  if (evaluator_ && client_) client_->Update({}, evaluator_->ResolveAll(now_ms), true);
  evaluator_.reset();
  if (!config.alertmanager) {
    client_.reset();  // delivers nothing more: the resolutions above go only while it lives
    return;
  }
  if (!client_ || !SameTarget(client_->config(), *config.alertmanager)) {
    client_ = std::make_unique<AlertmanagerClient>(*config.alertmanager, on_sent_, on_failed_);
  }
  evaluator_ =
      std::make_unique<AlertEvaluator>(CollectAlertRules(config), config.alertmanager->generator_url);
}

void LiveAlerts::Observe(const Snapshot& snapshot) {
  if (!evaluator_ || !client_) return;
  AlertEvaluation evaluation = evaluator_->Evaluate(snapshot, snapshot.time_ms);
  client_->Update(std::move(evaluation.firing), std::move(evaluation.resolved), evaluation.changed);
}

}  // namespace promsynth
