#include "netops/json_value.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <limits>
#include <unordered_map>

#include "compat/python_float_format.h"

namespace promsynth::netops {

JsonValue::JsonValue() = default;
JsonValue::JsonValue(const JsonValue& other) = default;
JsonValue::JsonValue(JsonValue&& other) noexcept = default;
JsonValue& JsonValue::operator=(const JsonValue& other) = default;
JsonValue& JsonValue::operator=(JsonValue&& other) noexcept = default;
JsonValue::~JsonValue() = default;
namespace {

constexpr size_t kMaxDepth = 256;

/// Builds a `JsonValue` tree from rapidjson's SAX events, recording where each value starts.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text, const rapidjson::MemoryStream& stream) : text_(text), stream_(stream) {}

  bool Null() { return Scalar(JsonValue{}); }
  bool Bool(bool b) {
    JsonValue value;
    value.kind = JsonValue::Kind::kBool;
    value.boolean = b;
    return Scalar(std::move(value));
  }
  bool Int(int i) { return Integer(i); }
  bool Uint(unsigned u) { return Integer(static_cast<int64_t>(u)); }
  bool Int64(int64_t i) { return Integer(i); }
  bool Uint64(uint64_t u) {
    if (u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return Double(static_cast<double>(u));
    return Integer(static_cast<int64_t>(u));
  }
  bool Double(double d) {
    JsonValue value;
    value.kind = JsonValue::Kind::kDouble;
    value.number = d;
    return Scalar(std::move(value));
  }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    JsonValue value;
    value.kind = JsonValue::Kind::kString;
    value.text.assign(str, length);
    return Scalar(std::move(value));
  }
  bool StartObject() { return Open(JsonValue::Kind::kObject); }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    stack_.back().pending_key.assign(str, length);
    prev_end_ = stream_.Tell();
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool StartArray() { return Open(JsonValue::Kind::kArray); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  JsonValue TakeRoot() { return std::move(root_); }
  bool too_deep() const { return too_deep_; }

 private:
  struct Frame {
    JsonValue* container;
    std::string pending_key;
    std::unordered_map<std::string, size_t> index;
  };

  bool Integer(int64_t i) {
    JsonValue value;
    value.kind = JsonValue::Kind::kInt;
    value.integer = i;
    value.number = static_cast<double>(i);
    return Scalar(std::move(value));
  }

  /// Where the next value starts: after the previous token, past whitespace and the separators
  /// (rapidjson reports some tokens before consuming their closing bracket, hence `]` and `}`).
  size_t ValueStart() const {
    size_t at = prev_end_;
    while (at < text_.size()) {
      const char c = text_[at];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':' && c != ']' && c != '}') {
        break;
      }
      ++at;
    }
    return at;
  }

  JsonValue* Place(JsonValue value) {
    value.offset = ValueStart();
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& frame = stack_.back();
    JsonValue& parent = *frame.container;
    if (parent.kind == JsonValue::Kind::kArray) {
      parent.items.push_back(std::move(value));
      return &parent.items.back();
    }
    auto [it, inserted] = frame.index.emplace(frame.pending_key, parent.members.size());
    if (inserted) {
      parent.members.emplace_back(std::move(frame.pending_key), std::move(value));
      return &parent.members.back().second;
    }
    parent.members[it->second].second = std::move(value);
    return &parent.members[it->second].second;
  }

  bool Scalar(JsonValue value) {
    Place(std::move(value));
    prev_end_ = stream_.Tell();
    return true;
  }

  bool Open(JsonValue::Kind kind) {
    if (stack_.size() >= kMaxDepth) {
      too_deep_ = true;
      return false;
    }
    JsonValue value;
    value.kind = kind;
    JsonValue* placed = Place(std::move(value));
    stack_.push_back(Frame{placed, {}, {}});
    prev_end_ = placed->offset + 1;
    return true;
  }

  bool Close() {
    stack_.pop_back();
    prev_end_ = stream_.Tell();
    return true;
  }

  std::string_view text_;
  const rapidjson::MemoryStream& stream_;
  JsonValue root_;
  std::vector<Frame> stack_;
  size_t prev_end_ = 0;
  bool too_deep_ = false;
};

void AppendHex4(std::string& out, unsigned code) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
}

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

bool JsonValue::Truthy() const {
  switch (kind) {
    case Kind::kNull:
      return false;
    case Kind::kBool:
      return boolean;
    case Kind::kInt:
      return integer != 0;
    case Kind::kDouble:
      return number != 0.0;
    case Kind::kString:
      return !text.empty();
    case Kind::kArray:
      return !items.empty();
    case Kind::kObject:
      return !members.empty();
  }
  return false;
}

JsonParseResult ParseJson(std::string_view text) {
  JsonParseResult result;
  rapidjson::MemoryStream stream(text.data(), text.size());
  TreeBuilder builder(text, stream);
  rapidjson::Reader reader;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
                              rapidjson::kParseFullPrecisionFlag;
  const rapidjson::ParseResult parsed = reader.Parse<kFlags>(stream, builder);
  if (!parsed) {
    result.error_offset = parsed.Offset();
    result.error = builder.too_deep() ? std::string("JSON nested too deeply")
                                      : std::string(rapidjson::GetParseError_En(parsed.Code()));
    return result;
  }
  result.ok = true;
  result.value = builder.TakeRoot();
  return result;
}

std::pair<int, int> LineColumnAt(std::string_view text, size_t offset) {
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

void AppendPythonJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      switch (byte) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        default:
          if (byte < 0x20 || byte == 0x7F) {
            AppendHex4(out, byte);
          } else {
            out += static_cast<char>(byte);
          }
      }
      ++i;
      continue;
    }
    // Input was validated as UTF-8 by the parser; decode one code point.
    unsigned code = 0;
    size_t length = 1;
    if ((byte & 0xE0) == 0xC0) {
      code = byte & 0x1Fu;
      length = 2;
    } else if ((byte & 0xF0) == 0xE0) {
      code = byte & 0x0Fu;
      length = 3;
    } else {
      code = byte & 0x07u;
      length = 4;
    }
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    i += length;
    if (code >= 0x10000) {
      code -= 0x10000;
      AppendHex4(out, 0xD800 + (code >> 10));
      AppendHex4(out, 0xDC00 + (code & 0x3FF));
    } else {
      AppendHex4(out, code);
    }
  }
  out += '"';
}

void AppendPythonJson(std::string& out, const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::kNull:
      out += "null";
      return;
    case JsonValue::Kind::kBool:
      out += value.boolean ? "true" : "false";
      return;
    case JsonValue::Kind::kInt:
      out += std::to_string(value.integer);
      return;
    case JsonValue::Kind::kDouble:
      // Python's json writes non-finite floats as these (non-standard) tokens.
      if (value.number != value.number) {
        out += "NaN";
      } else if (value.number == std::numeric_limits<double>::infinity()) {
        out += "Infinity";
      } else if (value.number == -std::numeric_limits<double>::infinity()) {
        out += "-Infinity";
      } else {
        compat::AppendPythonFloat(out, value.number);
      }
      return;
    case JsonValue::Kind::kString:
      AppendPythonJsonString(out, value.text);
      return;
    case JsonValue::Kind::kArray: {
      out += '[';
      bool first = true;
      for (const JsonValue& item : value.items) {
        if (!first) out += ", ";
        first = false;
        AppendPythonJson(out, item);
      }
      out += ']';
      return;
    }
    case JsonValue::Kind::kObject: {
      out += '{';
      bool first = true;
      for (const auto& [key, member] : value.members) {
        if (!first) out += ", ";
        first = false;
        AppendPythonJsonString(out, key);
        out += ": ";
        AppendPythonJson(out, member);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace promsynth::netops
