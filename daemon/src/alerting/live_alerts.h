#pragma once

#include <functional>
#include <memory>

#include "alerting/alert_evaluator.h"
#include "alerting/alertmanager_client.h"
#include "config/config.h"
#include "engine/snapshot.h"

namespace promsynth {

/// The direct Alertmanager mode of the daemon: with `alertmanager:` in the config, the config's
/// alerts are evaluated on every tick (AlertEvaluator) and posted by an AlertmanagerClient.
/// Without it, nothing is evaluated. The io thread calls every method.
class LiveAlerts {
 public:
  LiveAlerts(std::function<void(double)> on_sent, std::function<void(double)> on_failed)
      : on_sent_(std::move(on_sent)), on_failed_(std::move(on_failed)) {}

  /// After a (re)load: the alerts firing under the previous config are resolved, and evaluation
  /// starts afresh; the client is kept while the `alertmanager:` section is unchanged.
  void Configure(const Config& config, int64_t now_ms);
  /// Evaluates the alerts over the tick's snapshot and hands the result to the client.
  void Observe(const Snapshot& snapshot);

 private:
  std::function<void(double)> on_sent_;
  std::function<void(double)> on_failed_;
  std::unique_ptr<AlertEvaluator> evaluator_;
  std::unique_ptr<AlertmanagerClient> client_;
};

}  // namespace promsynth
