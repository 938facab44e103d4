#include "plugin/plugin_loader.h"

#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "plugin/plugin_error.h"
#include "plugin_test_paths.h"

namespace promsynth {
namespace {

using test::ExamplePluginPath;
using test::FixturePath;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The message of the PluginError that loading `path` throws, or "" when it loads.
std::string LoadError(PluginLoader& loader, const std::string& path) {
  try {
    loader.Load(path);
  } catch (const PluginError& e) {
    EXPECT_EQ(e.path(), path);
    return e.what();
  }
  return "";
}

std::vector<std::string> FunctionNames(const PluginLibrary& library) {
  std::vector<std::string> names;
  for (const PluginFunction& function : library.functions()) names.push_back(function.name);
  return names;
}

TEST(PluginLoaderTest, LoadsTheSeedFunctions) {
  PluginLoader loader;
  auto library = loader.Load(ExamplePluginPath("seed_functions"));
  EXPECT_EQ(library->name(), "seed_functions");
  EXPECT_EQ(library->abi_minor(), PROMSYNTH_SEQUENCE_ABI_MINOR);
  EXPECT_THAT(FunctionNames(*library),
              ElementsAre("seed_square", "seed_power", "seed_fibonacci", "seed_exponential", "seed_normal"));
  const PluginFunction* normal = library->Find("seed_normal");
  ASSERT_NE(normal, nullptr);
  ASSERT_EQ(normal->params.size(), 2u);
  EXPECT_EQ(normal->params[0].name, "mean");
  EXPECT_EQ(normal->params[0].default_value, 50);
  EXPECT_EQ(normal->params[1].name, "sd");
  EXPECT_EQ(normal->params[1].default_value, 10);
  EXPECT_EQ(normal->params[1].min, 0);
}

TEST(PluginLoaderTest, MissingFileNamesThePathAndTheLoaderError) {
  PluginLoader loader;
  const std::string path = FixturePath("does_not_exist");
  const std::string message = LoadError(loader, path);
  EXPECT_THAT(message, HasSubstr("cannot load plugin " + path + ": "));
  EXPECT_THAT(message, HasSubstr("No such file or directory"));
}

TEST(PluginLoaderTest, LibraryWithoutEntryIsRefused) {
  PluginLoader loader;
  const std::string path = FixturePath("no_entry");
  const std::string message = LoadError(loader, path);
  EXPECT_THAT(message, HasSubstr("plugin " + path + " does not export promsynth_sequence_plugin_entry: "));
  EXPECT_THAT(message, HasSubstr("undefined symbol: promsynth_sequence_plugin_entry"));
}

// FailureBehaviour_FB11 (README.md, "Failure behaviour").
TEST(PluginLoaderTest, OtherAbiMajorIsRefused) {
  PluginLoader loader;
  const std::string path = FixturePath("abi_mismatch");
  EXPECT_EQ(LoadError(loader, path),
            "plugin " + path +
                " was built for sequence plugin ABI 2.0, this promsynth needs ABI major 1 "
                "(rebuild the plugin against this promsynth's sequence_plugin.h)");
}

TEST(PluginLoaderTest, TooShortStructIsRefused) {
  PluginLoader loader;
  const std::string path = FixturePath("short_struct");
  EXPECT_EQ(
      LoadError(loader, path),
      "plugin " + path +
          ": promsynth_sequence_plugin.struct_size is 16 bytes, smaller than the 40 bytes this host reads (a "
          "descriptor not built from promsynth/sequence_plugin.h, or corrupt)");
}

TEST(PluginLoaderTest, DuplicateFunctionAcrossLibrariesIsRefused) {
  PluginLoader loader;
  ASSERT_EQ(LoadError(loader, FixturePath("twin_a")), "");
  const std::string path = FixturePath("twin_b");
  EXPECT_EQ(LoadError(loader, path),
            "plugin " + path + " defines function twin, already defined by plugin " + FixturePath("twin_a"));
  EXPECT_EQ(loader.libraries().size(), 1u);
}

TEST(PluginLoaderTest, FunctionNamedLikeABuiltinKindIsRefused) {
  PluginLoader loader;
  const std::string path = FixturePath("builtin_clash");
  EXPECT_EQ(LoadError(loader, path),
            "plugin " + path +
                " defines function constant, which is a built-in generator kind (rename the function)");
}

TEST(PluginLoaderTest, RegisteringIntoARegistryThatHasTheNameIsRefused) {
  PluginLoader loader(std::vector<std::string>{});
  loader.Load(FixturePath("builtin_clash"));
  GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  try {
    loader.RegisterPluginFunctions(registry);
    FAIL() << "registered a clashing kind";
  } catch (const PluginError& e) {
    EXPECT_THAT(e.what(), HasSubstr("defines function constant, which the registry already has as a kind"));
  }
}

TEST(PluginLoaderTest, LoadDirectoryLoadsGoodLibrariesAndReportsEveryBadOne) {
  PluginLoader loader;
  try {
    loader.LoadDirectory(PROMSYNTH_TEST_FIXTURE_DIR);
    FAIL() << "the fixture directory has bad libraries";
  } catch (const PluginError& e) {
    const std::string message = e.what();
    EXPECT_THAT(message, HasSubstr(FixturePath("abi_mismatch")));
    EXPECT_THAT(message, HasSubstr(FixturePath("no_entry")));
    EXPECT_THAT(message, HasSubstr(FixturePath("short_struct")));
    EXPECT_THAT(message, HasSubstr(FixturePath("builtin_clash")));
    EXPECT_THAT(message, HasSubstr("already defined by plugin " + FixturePath("twin_a")));
  }
  std::vector<std::string> names;
  for (const auto& library : loader.libraries())
    names.push_back(std::filesystem::path(library->path()).stem());
  EXPECT_THAT(names, ElementsAre("flaky", "reload_v1", "reload_v2", "throwing", "twin_a"));
}

TEST(PluginLoaderTest, LoadDirectoryOfExamplesRegistersEveryFunction) {
  PluginLoader loader;
  EXPECT_EQ(loader.LoadDirectory(PROMSYNTH_TEST_PLUGIN_DIR).size(), 2u);
  GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  loader.RegisterPluginFunctions(registry);
  for (const char* name :
       {"seed_square", "seed_power", "seed_fibonacci", "seed_exponential", "seed_normal", "bursty_traffic"}) {
    const GeneratorKind* kind = registry.Find(name);
    ASSERT_NE(kind, nullptr) << name;
    EXPECT_EQ(kind->params.back().name, "reset_interval");
    EXPECT_TRUE(kind->foreign) << name;  // stepped on one thread only
  }
}

TEST(PluginLoaderTest, MissingDirectoryIsReported) {
  PluginLoader loader;
  const std::string directory = std::string(PROMSYNTH_TEST_FIXTURE_DIR) + "/no_such_directory";
  try {
    loader.LoadDirectory(directory);
    FAIL() << "a missing directory was accepted";
  } catch (const PluginError& e) {
    EXPECT_EQ(e.path(), directory);
    EXPECT_THAT(e.what(),
                HasSubstr("cannot read plugin directory " + directory + ": No such file or directory"));
  }
}

TEST(PluginLoaderTest, SamePathTwiceReusesTheLibrary) {
  PluginLoader loader;
  auto first = loader.Load(FixturePath("flaky"));
  auto second = loader.Load(FixturePath("flaky"));
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(loader.libraries().size(), 1u);
}

class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "promsynth-plugin-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Installs `source` at `target` the way install(1) does: a new file renamed over the old one.
void ReplaceFile(const std::string& source, const std::filesystem::path& target) {
  const std::filesystem::path temporary = target.string() + ".new";
  std::filesystem::copy_file(source, temporary, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::rename(temporary, target);
}

TEST(PluginLoaderTest, ChangedFileIsLoadedAgainWhileTheOldOneStaysLoaded) {
  ScratchDirectory scratch;
  const std::filesystem::path plugin = scratch.path() / "reload.so";
  ReplaceFile(FixturePath("reload_v1"), plugin);
  PluginLoader loader;
  auto old_library = loader.Load(plugin.string());
  EXPECT_THAT(FunctionNames(*old_library), ElementsAre("reload_one"));
  EXPECT_EQ(loader.Load(plugin.string()).get(), old_library.get());

  ReplaceFile(FixturePath("reload_v2"), plugin);
  auto new_library = loader.Load(plugin.string());
  EXPECT_NE(new_library.get(), old_library.get());
  EXPECT_THAT(FunctionNames(*new_library), ElementsAre("reload_two"));
  EXPECT_THAT(FunctionNames(*old_library), ElementsAre("reload_one"));
  EXPECT_EQ(loader.libraries().size(), 1u);
  EXPECT_EQ(loader.libraries()[0].get(), new_library.get());

  GeneratorRegistry registry = GeneratorRegistry::WithBuiltins();
  loader.RegisterPluginFunctions(registry);
  EXPECT_NE(registry.Find("reload_two"), nullptr);
  EXPECT_EQ(registry.Find("reload_one"), nullptr);
  // Both versions are callable side by side: the old one through the library still held.
  EXPECT_NE(old_library->Find("reload_one")->def->next, new_library->Find("reload_two")->def->next);
}

TEST(PluginLoaderTest, PathWithoutSlashIsAFileNotALibrarySearch) {
  const std::filesystem::path original = std::filesystem::current_path();
  std::filesystem::current_path(PROMSYNTH_TEST_FIXTURE_DIR);
  PluginLoader loader;
  std::string message;
  try {
    loader.Load("flaky.so");
  } catch (const PluginError& e) {
    message = e.what();
  }
  std::filesystem::current_path(original);
  EXPECT_EQ(message, "");
}

}  // namespace
}  // namespace promsynth
