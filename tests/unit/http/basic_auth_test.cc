#include "http/basic_auth.h"

#include <crypt.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>

namespace promsynth {
namespace {

/// A bcrypt hash made by libxcrypt in the test, with a fresh random salt.
std::string Hash(const std::string& password, const char* prefix = "$2y$", int cost = 4) {
  auto data = std::make_unique<crypt_data>();
  const char* setting = crypt_gensalt_rn(prefix, static_cast<unsigned long>(cost), nullptr, 0, data->setting,
                                         sizeof data->setting);
  EXPECT_NE(setting, nullptr);
  const char* hash = crypt_rn(password.c_str(), setting, data.get(), sizeof(crypt_data));
  EXPECT_NE(hash, nullptr);
  return hash;
}

std::string Basic(const std::string& credentials) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < credentials.size(); i += 3) {
    unsigned bits = static_cast<unsigned char>(credentials[i]) << 16;
    if (i + 1 < credentials.size()) bits |= static_cast<unsigned char>(credentials[i + 1]) << 8;
    if (i + 2 < credentials.size()) bits |= static_cast<unsigned char>(credentials[i + 2]);
    out += kAlphabet[(bits >> 18) & 63];
    out += kAlphabet[(bits >> 12) & 63];
    out += i + 1 < credentials.size() ? kAlphabet[(bits >> 6) & 63] : '=';
    out += i + 2 < credentials.size() ? kAlphabet[bits & 63] : '=';
  }
  return "Basic " + out;
}

TEST(BcryptTest, MatchesTheClassicTestVector) {
  // From the OpenBSD / John the Ripper bcrypt test vectors: an implementation other than ours made it.
  const std::string hash = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
  EXPECT_TRUE(BasicAuth::BcryptMatches("U*U", hash));
  EXPECT_FALSE(BasicAuth::BcryptMatches("U*V", hash));
  EXPECT_FALSE(BasicAuth::BcryptMatches("", hash));
}

TEST(BcryptTest, AcceptsEveryPrefixHtpasswdAndGoProduce) {
  for (const char* prefix : {"$2a$", "$2b$", "$2y$"}) {
    const std::string hash = Hash("s3cret", prefix);
    EXPECT_EQ(hash.substr(0, 4), prefix);
    EXPECT_TRUE(BasicAuth::LooksLikeBcrypt(hash)) << hash;
    EXPECT_TRUE(BasicAuth::BcryptMatches("s3cret", hash)) << hash;
    EXPECT_FALSE(BasicAuth::BcryptMatches("s3cre", hash)) << hash;
  }
  EXPECT_FALSE(BasicAuth::BcryptMatches("x", "$2y$xx"));  // an unusable hash never matches
  EXPECT_FALSE(BasicAuth::BcryptMatches(std::string("s3cret\0x", 8), Hash("s3cret")));
}

TEST(BcryptTest, RecognisesTheHashForm) {
  EXPECT_TRUE(BasicAuth::LooksLikeBcrypt("$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG"));
  EXPECT_FALSE(BasicAuth::LooksLikeBcrypt("$2x$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG"));
  EXPECT_FALSE(BasicAuth::LooksLikeBcrypt("$2y$03$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG"));
  EXPECT_FALSE(BasicAuth::LooksLikeBcrypt("$2y$32$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7zG"));
  EXPECT_FALSE(BasicAuth::LooksLikeBcrypt("$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7z"));
  EXPECT_FALSE(BasicAuth::LooksLikeBcrypt("$2y$10$X0h1gDsPszWURQaxFh.zoubFi6DXncSjhoQNJgRrnGs7EsimhC7z!"));
  EXPECT_FALSE(BasicAuth::LooksLikeBcrypt("{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M="));
}

TEST(Base64Test, DecodesStandardBase64WithPadding) {
  EXPECT_EQ(BasicAuth::DecodeBase64("YWxpY2U6czNjcmV0"), "alice:s3cret");
  EXPECT_EQ(BasicAuth::DecodeBase64("YQ=="), "a");
  EXPECT_EQ(BasicAuth::DecodeBase64("YWI="), "ab");
  EXPECT_EQ(BasicAuth::DecodeBase64(""), "");
  EXPECT_EQ(BasicAuth::DecodeBase64("YQ="), std::nullopt);       // not a multiple of 4
  EXPECT_EQ(BasicAuth::DecodeBase64("Y==="), std::nullopt);      // padding too early in the quantum
  EXPECT_EQ(BasicAuth::DecodeBase64("YQ==YQ=="), std::nullopt);  // padding in the middle
  EXPECT_EQ(BasicAuth::DecodeBase64("YW-i"), std::nullopt);      // URL alphabet is not basic auth's
}

TEST(BasicAuthTest, AcceptsOnlyAConfiguredUserWithTheRightPassword) {
  const BasicAuth auth({{"alice", Hash("s3cret")}, {"bob", Hash("pa:ss")}});
  EXPECT_TRUE(auth.enabled());
  EXPECT_TRUE(auth.Check(Basic("alice:s3cret")));
  EXPECT_TRUE(auth.Check("basic " + Basic("alice:s3cret").substr(6)));  // the scheme is case-insensitive
  EXPECT_TRUE(auth.Check(Basic("bob:pa:ss")));                          // split at the first colon only
  EXPECT_FALSE(auth.Check(Basic("alice:wrong")));
  EXPECT_FALSE(auth.Check(Basic("alice:")));
  EXPECT_FALSE(auth.Check(Basic("carol:s3cret")));  // unknown user
  EXPECT_FALSE(auth.Check(Basic("alice")));         // no colon
  EXPECT_FALSE(auth.Check(std::nullopt));
  EXPECT_FALSE(auth.Check(""));
  EXPECT_FALSE(auth.Check("Bearer abc"));
  EXPECT_FALSE(auth.Check("Basic %%%%"));
  // Cached outcomes stay right, for success and failure alike.
  EXPECT_TRUE(auth.Check(Basic("alice:s3cret")));
  EXPECT_FALSE(auth.Check(Basic("alice:wrong")));
  EXPECT_FALSE(BasicAuth({}).enabled());
}

TEST(BasicAuthTest, CachesTheSlowBcryptCheck) {
  // Cost 12 takes hundreds of milliseconds; a cached check takes microseconds.
  const BasicAuth auth({{"alice", Hash("s3cret", "$2y$", 12)}});
  auto timed = [&] {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(auth.Check(Basic("alice:s3cret")));
    return std::chrono::steady_clock::now() - start;
  };
  const auto first = timed();
  const auto second = timed();
  EXPECT_GT(first, std::chrono::milliseconds(20));
  EXPECT_LT(second * 20, first);
}

}  // namespace
}  // namespace promsynth
