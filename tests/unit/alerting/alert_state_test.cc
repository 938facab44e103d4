#include "alerting/alert_state.h"

#include <gtest/gtest.h>

namespace promsynth {
namespace {

using Phase = AlertState::Phase;

TEST(AlertStateTest, ForZeroFiresAtOnceAndResolvesAtTheFirstFalse) {
  AlertState state;
  EXPECT_EQ(state.Evaluate(false, 0, Millis(0)), Phase::kInactive);
  EXPECT_EQ(state.Evaluate(true, 1000, Millis(0)), Phase::kFiring);
  EXPECT_EQ(state.fired_at_ms(), 1000);
  EXPECT_EQ(state.Evaluate(true, 2000, Millis(0)), Phase::kFiring);
  EXPECT_EQ(state.fired_at_ms(), 1000);
  EXPECT_EQ(state.Evaluate(false, 3000, Millis(0)), Phase::kInactive);
}

TEST(AlertStateTest, ForHoldsPendingUntilTheConditionHeldThatLong) {
  AlertState state;
  EXPECT_EQ(state.Evaluate(true, 10000, Millis(3000)), Phase::kPending);
  EXPECT_EQ(state.active_since_ms(), 10000);
  EXPECT_EQ(state.Evaluate(true, 11000, Millis(3000)), Phase::kPending);
  EXPECT_EQ(state.Evaluate(true, 12000, Millis(3000)), Phase::kPending);
  EXPECT_EQ(state.Evaluate(true, 13000, Millis(3000)), Phase::kFiring);  // 13 − 10 ≥ 3
  EXPECT_EQ(state.fired_at_ms(), 13000);
  // A gap while pending starts over.
  AlertState again;
  again.Evaluate(true, 0, Millis(2000));
  EXPECT_EQ(again.Evaluate(false, 1000, Millis(2000)), Phase::kInactive);
  EXPECT_EQ(again.Evaluate(true, 2000, Millis(2000)), Phase::kPending);
  EXPECT_EQ(again.active_since_ms(), 2000);
  EXPECT_EQ(again.Evaluate(true, 3000, Millis(2000)), Phase::kPending);
  EXPECT_EQ(again.Evaluate(true, 4000, Millis(2000)), Phase::kFiring);
}

}  // namespace
}  // namespace promsynth
