#include "http/basic_auth.h"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <memory>

namespace promsynth {
namespace {

// Used for unknown users, so that a wrong user name takes as long as a wrong password.
constexpr const char* kDummyHash = "$2b$10$AAAAAAAAAAAAAAAAAAAAA.luAm.YdwvKgp81viI66fYMz7bkN1yZi";

constexpr std::string_view kBcryptAlphabet =
    "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::string CacheKey(std::string_view user, std::string_view hash, std::string_view password) {
  std::string material;
  material.reserve(user.size() + hash.size() + password.size() + 2);
  material.append(user).push_back('\0');
  material.append(hash).push_back('\0');
  material.append(password);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(material.data(), material.size(), digest.data(), &length, EVP_sha256(), nullptr);
  OPENSSL_cleanse(material.data(), material.size());
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

BasicAuth::BasicAuth(std::map<std::string, std::string> users) : users_(std::move(users)) {}

std::optional<std::string> BasicAuth::DecodeBase64(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (size_t i = 0; i < text.size(); i += 4) {
    int values[4];
    int padding = 0;
    for (int j = 0; j < 4; ++j) {
      const char c = text[i + static_cast<size_t>(j)];
      // Padding only at the very end, and only in the last two places of a quantum.
      if (c == '=' && i + 4 == text.size() && j >= 2) {
        values[j] = 0;
        ++padding;
        continue;
      }
      if (padding > 0) return std::nullopt;
      values[j] = Base64Value(c);
      if (values[j] < 0) return std::nullopt;
    }
    const unsigned bits = (static_cast<unsigned>(values[0]) << 18) |
                          (static_cast<unsigned>(values[1]) << 12) | (static_cast<unsigned>(values[2]) << 6) |
                          static_cast<unsigned>(values[3]);
    out.push_back(static_cast<char>((bits >> 16) & 0xff));
    if (padding < 2) out.push_back(static_cast<char>((bits >> 8) & 0xff));
    if (padding < 1) out.push_back(static_cast<char>(bits & 0xff));
  }
  return out;
}

bool BasicAuth::LooksLikeBcrypt(std::string_view text) {
  if (text.size() != 60 || text[0] != '$' || text[1] != '2' || text[3] != '$' || text[6] != '$') return false;
  if (text[2] != 'a' && text[2] != 'b' && text[2] != 'y') return false;
  if (text[4] < '0' || text[4] > '3' || text[5] < '0' || text[5] > '9') return false;
  const int cost = (text[4] - '0') * 10 + (text[5] - '0');
  if (cost < 4 || cost > 31) return false;
  return text.substr(7).find_first_not_of(kBcryptAlphabet) == std::string_view::npos;
}

bool BasicAuth::BcryptMatches(std::string_view password, const std::string& hash) {
  if (password.find('\0') != std::string_view::npos) return false;  // crypt takes a C string
  const std::string phrase(password);
  // crypt_data is about 32 KiB: too large for a server thread's stack to take lightly.
  auto data = std::make_unique<crypt_data>();
  const char* computed = crypt_rn(phrase.c_str(), hash.c_str(), data.get(), sizeof(crypt_data));
  if (computed == nullptr || computed[0] == '*') return false;
  const std::string_view result(computed);
  return result.size() == hash.size() && CRYPTO_memcmp(result.data(), hash.data(), hash.size()) == 0;
}

bool BasicAuth::Check(std::optional<std::string_view> authorization) const {
  if (!authorization) return false;
  std::string_view value = *authorization;
  constexpr std::string_view kScheme = "basic ";
  if (value.size() <= kScheme.size()) return false;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (static_cast<char>(std::tolower(static_cast<unsigned char>(value[i]))) != kScheme[i]) return false;
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  std::optional<std::string> decoded = DecodeBase64(value);
  if (!decoded) return false;
  const size_t colon = decoded->find(':');
  if (colon == std::string::npos) return false;
  const std::string user = decoded->substr(0, colon);
  const std::string_view password = std::string_view(*decoded).substr(colon + 1);

  const auto found = users_.find(user);
  const bool known = found != users_.end();
  const std::string& hash = known ? found->second : std::string(kDummyHash);
  const std::string key = CacheKey(user, hash, password);
  {
    std::lock_guard lock(cache_mutex_);
    if (auto hit = cache_.find(key); hit != cache_.end()) {
      OPENSSL_cleanse(decoded->data(), decoded->size());
      return hit->second;
    }
  }
  const bool ok = BcryptMatches(password, hash) && known;
  OPENSSL_cleanse(decoded->data(), decoded->size());
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= kCacheLimit) cache_.clear();
  cache_.emplace(key, ok);
  return ok;
}

}  // namespace promsynth
