#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "alerting/alert_rule.h"
#include "alerting/alert_state.h"
#include "alerting/postable_alert.h"
#include "engine/snapshot.h"

namespace promsynth {

/// What one evaluation found.
struct AlertEvaluation {
  std::vector<PostableAlert> firing;    ///< every alert firing now
  std::vector<PostableAlert> resolved;  ///< alerts that stopped firing at this evaluation (endsAt = now)
  bool changed = false;                 ///< some alert started or stopped firing
};

/// promsynth's own evaluation of the config's alerts, on every tick, with the semantics of the
/// generated Prometheus rules (and seed 000): a series alerts while its value (a counter: its
/// increment since the previous tick) is on the bad side of the threshold, the threshold
/// included; `for` holds it pending first (AlertState). Labels and annotations are expanded as
/// Prometheus would. Only the io thread calls it; the cost is one comparison per series of an
/// alerted family, plus building the firing alerts.
class AlertEvaluator {
 public:
  AlertEvaluator(std::vector<AlertRule> rules, std::string generator_url);

  /// Evaluates every rule over the snapshot taken at `time_ms`.
  AlertEvaluation Evaluate(const Snapshot& snapshot, int64_t time_ms);
  /// The alerts firing after the last evaluation, resolved at `time_ms` (for a reload).
  std::vector<PostableAlert> ResolveAll(int64_t time_ms) const;

 private:
  struct RuleState {
    AlertRule rule;
    std::vector<AlertState> states;                    ///< per series of the family
    std::unordered_map<size_t, PostableAlert> firing;  ///< by series, the ones firing
    int64_t last_tick = -1;                            ///< the family's tick evaluated last
  };

  PostableAlert Build(const AlertRule& rule, const FamilyLayout& family, size_t series, double value,
                      int64_t starts_at_ms) const;

  std::vector<RuleState> rules_;
  /// A counter family's totals at its previous tick, by family index (empty before its first).
  std::unordered_map<size_t, std::vector<double>> previous_;
  std::string generator_url_;
};

}  // namespace promsynth
