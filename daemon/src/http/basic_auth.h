#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace promsynth {

/// HTTP basic authentication against bcrypt hashes, as exporter-toolkit's `basic_auth_users`.
/// bcrypt is slow on purpose (cost 10 ≈ 50–100 ms), so each outcome is cached by a SHA-256 of
/// user, hash and password (the password itself is never kept); an unknown user costs the same
/// bcrypt run as a known one. Thread-safe.
class BasicAuth {
 public:
  /// `users`: user name → bcrypt hash (`$2a$`, `$2b$` or `$2y$`).
  explicit BasicAuth(std::map<std::string, std::string> users);

  /// Whether any user is configured (then every request needs credentials).
  bool enabled() const { return !users_.empty(); }

  /// Whether an `Authorization` header value (`Basic base64(user:password)`) names a configured
  /// user with the right password. Nothing or anything malformed is false.
  bool Check(std::optional<std::string_view> authorization) const;

  /// Whether `password` hashes to the bcrypt `hash`; the final comparison takes constant time.
  static bool BcryptMatches(std::string_view password, const std::string& hash);

  /// Whether `text` has the form of a bcrypt hash: `$2a$`/`$2b$`/`$2y$`, a cost 04–31, 53
  /// characters of bcrypt's base64.
  static bool LooksLikeBcrypt(std::string_view text);

  /// Decodes standard base64 (with padding); nothing when it is not base64.
  static std::optional<std::string> DecodeBase64(std::string_view text);

 private:
  static constexpr size_t kCacheLimit = 256;

  std::map<std::string, std::string> users_;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, bool> cache_;  ///< SHA-256(user, hash, password) → outcome
};

}  // namespace promsynth
