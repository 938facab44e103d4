#include "slo/arriving_body.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>

namespace promsynth::slo {
namespace {

using std::chrono::seconds;

TEST(ArrivingBodyTest, BytesAlreadyThereAreReturnedAtOnce) {
  const std::string buffer(100, 'x');
  ArrivingBody body;
  body.Arrived({buffer.data(), 10});
  EXPECT_EQ(body.WaitBeyond(0).size(), 10U);
  EXPECT_EQ(body.WaitBeyond(9).data(), buffer.data());
  body.Finish();
  // Nothing more will come: no wait.
  EXPECT_EQ(body.WaitBeyond(10).size(), 10U);
}

TEST(ArrivingBodyTest, AWaitingParserWakesForAStepOfBytes) {
  const std::string buffer(ArrivingBody::kWakeStep * 2, 'x');
  ArrivingBody body;
  body.Arrived({buffer.data(), 10});
  auto waiter = std::async(std::launch::async, [&] { return body.WaitBeyond(10).size(); });
  body.Arrived({buffer.data(), 10 + ArrivingBody::kWakeStep});
  ASSERT_EQ(waiter.wait_for(seconds(10)), std::future_status::ready);
  EXPECT_EQ(waiter.get(), 10 + ArrivingBody::kWakeStep);
}

TEST(ArrivingBodyTest, TheEndWakesAParserWaitingForMoreThanCame) {
  const std::string buffer(100, 'x');
  ArrivingBody body;
  body.Arrived({buffer.data(), 10});
  auto waiter = std::async(std::launch::async, [&] { return body.WaitBeyond(10).size(); });
  body.Arrived({buffer.data(), 20});  // less than a step: the parser may sleep on
  body.Finish();
  ASSERT_EQ(waiter.wait_for(seconds(10)), std::future_status::ready);
  EXPECT_EQ(waiter.get(), 20U);
}

}  // namespace
}  // namespace promsynth::slo
