#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace promsynth::netops {

/// A parsed JSON value that remembers where it was written and keeps object members in document
/// order, as Python's `json.loads` (into a `dict`) does: a repeated key keeps the position of its
/// first occurrence and the value of its last.
struct JsonValue {
  /// The JSON type; integers and floats are told apart, as Python does.
  enum class Kind { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

  Kind kind = Kind::kNull;                                 ///< which of the fields below is meaningful
  bool boolean = false;                                    ///< kBool
  int64_t integer = 0;                                     ///< kInt (every JSON integer that fits in int64)
  double number = 0.0;                                     ///< kInt (converted) and kDouble
  std::string text;                                        ///< kString, UTF-8
  std::vector<JsonValue> items;                            ///< kArray
  std::vector<std::pair<std::string, JsonValue>> members;  ///< kObject, in document order
  size_t offset = 0;  ///< byte offset of the value's first character in the parsed text

  // Defined where JsonValue is complete: the members hold JsonValues, and Clang with libstdc++
  // refuses to instantiate their destructors inside the class.
  JsonValue();
  JsonValue(const JsonValue& other);
  JsonValue(JsonValue&& other) noexcept;
  JsonValue& operator=(const JsonValue& other);
  JsonValue& operator=(JsonValue&& other) noexcept;
  ~JsonValue();

  /// kInt or kDouble.
  bool IsNumber() const { return kind == Kind::kInt || kind == Kind::kDouble; }
  /// The member named `key`, or nullptr (objects only).
  const JsonValue* Find(std::string_view key) const;
  /// Python truthiness: `null`, `false`, `0`, `0.0`, `""`, `[]` and `{}` are false.
  bool Truthy() const;
};

/// Outcome of `ParseJson`: either `value` or an error message with its byte offset.
struct JsonParseResult {
  bool ok = false;          ///< whether the text parsed
  JsonValue value;          ///< the document when `ok`
  std::string error;        ///< rapidjson's message when not `ok`
  size_t error_offset = 0;  ///< byte offset of the error
};

/// Parses one JSON document (strict JSON, UTF-8 validated; integers beyond int64 become doubles).
JsonParseResult ParseJson(std::string_view text);

/// 1-based line and column of byte `offset` in `text` (columns count bytes; a tab is one column).
std::pair<int, int> LineColumnAt(std::string_view text, size_t offset);

/// Appends `value` serialised as Python's `json.dumps` would (default separators `", "` and
/// `": "`, `ensure_ascii`, floats as `repr`).
void AppendPythonJson(std::string& out, const JsonValue& value);

/// Appends `text` as a JSON string literal as Python's `json.dumps` would (non-ASCII as `\uXXXX`).
void AppendPythonJsonString(std::string& out, std::string_view text);

}  // namespace promsynth::netops
