#pragma once

#include <string>

namespace promsynth::testing {

/// A small PKI made with the openssl CLI in a directory: a CA, a server certificate for
/// localhost / 127.0.0.1 signed by it, a client certificate (SAN DNS:client.example) signed by
/// it, and a client certificate signed by an unrelated CA. PEM files, unencrypted keys.
struct TestCertificates {
  std::string dir;
  std::string ca_cert;
  std::string server_cert;
  std::string server_key;
  std::string client_cert;
  std::string client_key;
  std::string stranger_cert;  ///< signed by a CA the server does not know
  std::string stranger_key;

  /// Creates the files under `dir` (which must exist); throws std::runtime_error with
  /// openssl's output when a command fails.
  static TestCertificates Create(const std::string& dir);
};

}  // namespace promsynth::testing
