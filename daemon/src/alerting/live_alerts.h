#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "alerting/alert_evaluator.h"
#include "alerting/alertmanager_client.h"
#include "alerting/netops_alert_tracker.h"
#include "config/config.h"
#include "engine/snapshot.h"

namespace promsynth {

/// The direct Alertmanager mode of the daemon: with `alertmanager:` in the config (or
/// `--alertmanager.url`), the config's alerts are evaluated on every tick (AlertEvaluator) and
/// posted by an AlertmanagerClient; with a netops generator config, the generator's own alerts
/// are (NetopsAlertTracker). Without a target, nothing is evaluated. The io thread calls every method.
class LiveAlerts {
 public:
  LiveAlerts(std::function<void(double)> on_sent, std::function<void(double)> on_failed)
      : on_sent_(std::move(on_sent)), on_failed_(std::move(on_failed)) {}

  /// After a (re)load: the alerts firing under the previous config are resolved, and evaluation
  /// starts afresh; the client is kept while the target is unchanged. The target is the config's
  /// `alertmanager:` section, else `fallback` (the flag), else none. `netops` is the netops
  /// generator's config when the daemon runs one (its alerts then go to the same target).
  void Configure(const Config& config, const netops::NetopsConfig* netops,
                 const std::optional<AlertmanagerConfig>& fallback, int64_t now_ms);
  /// The netops generator got a config at run time (`POST /start`): its alerts firing under the
  /// previous one are resolved and its alerts are tracked afresh; the config's own alerts go on
  /// untouched. Nothing happens without an Alertmanager target.
  void ReplaceNetops(const netops::NetopsConfig& netops, int64_t now_ms);
  /// Evaluates the alerts over the tick's snapshot and hands the result to the client.
  void Observe(const Snapshot& snapshot);
  /// Hands the netops generator's alert states after its tick at `time_ms` to the client.
  void ObserveNetops(const std::vector<NetopsAlertSample>& samples, int64_t time_ms);

 private:
  /// Hands one source's evaluation to the client, with the other source's firing alerts.
  void Deliver(AlertEvaluation evaluation, std::vector<PostableAlert>& firing);

  std::function<void(double)> on_sent_;
  std::function<void(double)> on_failed_;
  std::unique_ptr<AlertEvaluator> evaluator_;
  std::unique_ptr<NetopsAlertTracker> netops_;
  std::vector<PostableAlert> config_firing_;  ///< firing after the last Observe
  std::vector<PostableAlert> netops_firing_;  ///< firing after the last ObserveNetops
  std::unique_ptr<AlertmanagerClient> client_;
};

}  // namespace promsynth
