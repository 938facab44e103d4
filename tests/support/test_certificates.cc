#include "support/test_certificates.h"

#include <stdexcept>
#include <vector>

#include "support/process.h"
#include "support/temp_dir.h"

namespace promsynth::testing {
namespace {

void Openssl(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "openssl");
  const CommandResult result = RunCommand(arguments, std::chrono::seconds(60));
  if (result.exit_code != 0) {
    std::string command;
    for (const std::string& argument : arguments) command += argument + " ";
    throw std::runtime_error("openssl failed: " + command + "\n" + result.output);
  }
}

/// A self-signed CA certificate and key.
void MakeCa(const std::string& dir, const std::string& name) {
  Openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
           "-subj", "/CN=" + name, "-keyout", dir + "/" + name + ".key", "-out", dir + "/" + name + ".pem"});
}

/// A leaf certificate for `subject` with the SANs `san`, signed by the CA `ca`.
void MakeLeaf(const std::string& dir, const std::string& name, const std::string& ca,
              const std::string& subject, const std::string& san, const std::string& usage) {
  const std::string key = dir + "/" + name + ".key";
  const std::string csr = dir + "/" + name + ".csr";
  Openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=" + subject,
           "-keyout", key, "-out", csr});
  TempDir scratch;
  const std::string extensions =
      scratch.Write("ext.cnf", "subjectAltName=" + san + "\nextendedKeyUsage=" + usage + "\n");
  Openssl({"x509", "-req", "-in", csr, "-CA", dir + "/" + ca + ".pem", "-CAkey", dir + "/" + ca + ".key",
           "-CAcreateserial", "-days", "2", "-extfile", extensions, "-out", dir + "/" + name + ".pem"});
}

}  // namespace

TestCertificates TestCertificates::Create(const std::string& dir) {
  MakeCa(dir, "ca");
  MakeCa(dir, "stranger-ca");
  MakeLeaf(dir, "server", "ca", "localhost", "DNS:localhost,IP:127.0.0.1", "serverAuth");
  MakeLeaf(dir, "client", "ca", "client.example", "DNS:client.example", "clientAuth");
  MakeLeaf(dir, "stranger", "stranger-ca", "stranger.example", "DNS:stranger.example", "clientAuth");
  return {dir,
          dir + "/ca.pem",
          dir + "/server.pem",
          dir + "/server.key",
          dir + "/client.pem",
          dir + "/client.key",
          dir + "/stranger.pem",
          dir + "/stranger.key"};
}

}  // namespace promsynth::testing
